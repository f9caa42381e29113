import { returnField } from '$lib/catalogue/welsh';
import { printOptions, printRun } from '$lib/forms/print';
import { paperLayout } from '$lib/vote/paper-form';
import * as ballots from '$lib/server/budget/ballots';
import * as votes from '$lib/server/budget/votes';
import { ballotWelshGaps } from '$lib/server/budget/welsh';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * Paper ballots to print: `?lang=cy` in Welsh, `&large=1` in large type, `&copies=50&first=101`
 * numbered P0101 to P0150. Every question in the order the keying page asks it.
 */
export const load: PageServerLoad = async ({ url, parent }) => {
	const db = getDb();
	const { vote, engagement } = await parent();
	const read = printOptions(url.searchParams);
	const proposals = votes.listProposals(db, vote.id);
	const choices = ballots.profileChoices(db);
	const prefix = read.options.lang === 'cy' ? `${url.origin}/cy` : url.origin;
	const engagementHref = `/staff/engagements/${engagement.id}#edit-engagement`;
	return {
		print: read,
		numbers: printRun(read.options.run, 'P'),
		proposals,
		choices,
		layout: paperLayout({ proposals, segments: choices.segments }),
		paperReturn: { en: engagement.paperReturn, cy: engagement.paperReturnCy },
		engagementHref,
		welshGaps: ballotWelshGaps(db, vote, proposals, [
			{ ...returnField(engagement), href: engagementHref }
		]),
		addresses: { vote: `${prefix}/vote/${vote.id}`, privacy: `${prefix}/privacy/vote/${vote.id}` }
	};
};
