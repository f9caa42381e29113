import { returnField, serviceFields } from '$lib/catalogue/welsh';
import { printOptions, printRun } from '$lib/forms/print';
import { welshGaps } from '$lib/i18n/welsh';
import { paperSurvey } from '$lib/survey/paper';
import { presentPage } from '$lib/survey/present';
import { buildPages } from '$lib/survey/template';
import { surveyWelshFields } from '$lib/survey/welsh';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { presentContext } from '$lib/server/survey/labels';
import { surveyOf } from '../../staff';
import type { PageServerLoad } from './$types';

/**
 * Paper surveys to print: `?lang=cy` in Welsh, `&large=1` in large type, `&copies=50&first=101`
 * numbered S0101 to S0150. Every question of every page, numbered in the online order, with
 * what to skip when an answer online would hide a question.
 */
export const load: PageServerLoad = ({ params, url }) => {
	const db = getDb();
	const s = surveyOf(params.id);
	const read = printOptions(url.searchParams);
	const lang = read.options.lang;
	const pages = buildPages(s.definition);
	const ctx = presentContext(db, lang);
	const engagement = catalogue.getEngagement(db, s.engagementId)!;
	const engagementHref = `/staff/engagements/${engagement.id}#edit-engagement`;
	const prefix = lang === 'cy' ? `${url.origin}/cy` : url.origin;
	return {
		survey: {
			id: s.id,
			title: s.title,
			titleCy: s.titleCy,
			description: s.description,
			descriptionCy: s.descriptionCy,
			closesAt: s.closesAt,
			// Only a survey that takes codes asks for one.
			takesCodes: s.access !== 'open'
		},
		print: read,
		numbers: printRun(read.options.run, 'S'),
		pages: pages.map((page, i) => presentPage(page, i, ctx)),
		paper: paperSurvey(pages),
		paperReturn: { en: engagement.paperReturn, cy: engagement.paperReturnCy },
		engagementHref,
		welshGaps: welshGaps([
			...surveyWelshFields(s),
			...serviceFields(
				catalogue.listServices(db, true).filter((x) => s.definition.serviceIds.includes(x.id))
			),
			{ ...returnField(engagement), href: engagementHref }
		]),
		addresses: { survey: `${prefix}/survey/${s.id}`, privacy: `${prefix}/privacy/survey/${s.id}` }
	};
};
