import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { serviceFields } from '$lib/catalogue/welsh';
import { formValues, parseForm, type FormValues } from '$lib/forms/parse';
import { welshGaps } from '$lib/i18n/welsh';
import { surveyWelshFields } from '$lib/survey/welsh';
import { QUESTION_TYPE_LABELS } from '$lib/survey/builder-form';
import { toLocalInput } from '$lib/survey/dates';
import { presentQuestion } from '$lib/survey/present';
import { surveyState } from '$lib/survey/status';
import { retentionSchema } from '$lib/survey/schemas';
import { buildPages } from '$lib/survey/template';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { qrDataUri } from '$lib/server/qr';
import { presentContext } from '$lib/server/survey/labels';
import * as surveys from '$lib/server/survey/surveys';
import { refused } from '$lib/server/refusal';
import { parseDetails, surveyOf } from '../staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const s = surveyOf(params.id);
	const ctx = presentContext(db, 'en');
	const questions = new Map(
		buildPages(s.definition)
			.flatMap((p) => p.questions)
			.map((q) => [q.id, presentQuestion(q, ctx)])
	);
	const responses = surveys.responseCount(db, s.id);
	const shareUrl = `${url.origin}/survey/${s.id}`;
	return {
		survey: {
			id: s.id,
			title: s.title,
			state: surveyState(s, new Date()),
			access: s.access,
			opensAt: s.opensAt,
			closesAt: s.closesAt,
			publishedAt: s.publishedAt,
			publishedWeighting: s.publishedWeighting,
			specialCategoryUntil: s.specialCategoryUntil
		},
		engagement: catalogue.getEngagement(db, s.engagementId)!,
		welshGaps: welshGaps([
			...surveyWelshFields(s),
			...serviceFields(
				catalogue.listServices(db, true).filter((x) => s.definition.serviceIds.includes(x.id))
			)
		]),
		responses,
		frozen: responses > 0,
		services: s.definition.serviceIds.map((id) => ({ id, name: ctx.serviceName(id) })),
		profile: {
			areas: s.definition.areas.map((a) => a.label.en),
			ageBands: s.definition.ageBands.map((a) => a.label.en),
			segments: s.definition.segments.map((g) => ({
				label: g.label.en,
				special: g.specialCategory
			}))
		},
		custom: s.definition.customQuestions.map((q) => {
			const target = q.showIf ? questions.get(q.showIf.questionId) : undefined;
			const answer = target?.options.find((o) => o.code === q.showIf?.value)?.label;
			return {
				id: q.id,
				wording: q.wording.en,
				hasWelsh: q.wording.cy.trim() !== '',
				type: QUESTION_TYPE_LABELS[q.type],
				required: q.required,
				showIf: target ? `“${target.label}” is answered “${answer ?? q.showIf?.value}”` : null
			};
		}),
		share: {
			url: shareUrl,
			welshUrl: `${url.origin}/cy/survey/${s.id}`,
			qr: await qrDataUri(shareUrl)
		},
		allServices: catalogue.listServices(db),
		details: {
			title: s.title,
			titleCy: s.titleCy ?? '',
			description: s.description,
			descriptionCy: s.descriptionCy ?? '',
			serviceIds: s.definition.serviceIds,
			access: s.access,
			opensAt: s.opensAt ? toLocalInput(s.opensAt) : '',
			closesAt: s.closesAt ? toLocalInput(s.closesAt) : ''
		}
	};
};

const questionAction = z.object({
	questionId: z.string().regex(/^q\d{1,6}$/, 'Choose a question'),
	direction: z.enum(['up', 'down']).optional()
});
const publishSchema = z.object({
	weighting: z.enum(['none', 'area', 'areaAndAge'], { error: 'Choose a weighting' })
});

export const actions: Actions = {
	details: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		const parsed = parseDetails(await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'details', values: parsed.values, errors: parsed.errors });
		try {
			surveys.updateSurvey(getDb(), actorOf(user), s.id, parsed.details);
		} catch (e) {
			return refused(e, { action: 'details', values: parsed.values });
		}
		redirect(303, `/staff/surveys/${s.id}`);
	},
	open: async ({ locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		try {
			surveys.openSurvey(getDb(), actorOf(user), s.id);
		} catch (e) {
			return refused(e, { action: 'open', values: {} as FormValues });
		}
		redirect(303, `/staff/surveys/${s.id}`);
	},
	close: async ({ locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		surveys.closeSurvey(getDb(), actorOf(user), s.id);
		redirect(303, `/staff/surveys/${s.id}`);
	},
	publish: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		const parsed = parseForm(publishSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'publish', values: parsed.values, errors: parsed.errors });
		surveys.setPublished(getDb(), actorOf(user), s.id, { weighting: parsed.data.weighting });
		redirect(303, `/staff/surveys/${s.id}`);
	},
	retention: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		const parsed = parseForm(retentionSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'retention', values: parsed.values, errors: parsed.errors });
		try {
			surveys.setRetention(getDb(), actorOf(user), s.id, parsed.data.specialCategoryUntil);
		} catch (e) {
			return refused(e, { action: 'retention', values: parsed.values });
		}
		redirect(303, `/staff/surveys/${s.id}`);
	},
	unpublish: async ({ locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		surveys.setPublished(getDb(), actorOf(user), s.id, null);
		redirect(303, `/staff/surveys/${s.id}`);
	},
	removeQuestion: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		const data = await request.formData();
		const parsed = parseForm(questionAction, data);
		if (!parsed.ok)
			return fail(400, { action: 'question', values: parsed.values, errors: parsed.errors });
		try {
			surveys.removeQuestion(getDb(), actorOf(user), s.id, parsed.data.questionId);
		} catch (e) {
			return refused(e, { action: 'question', values: formValues(data) });
		}
		redirect(303, `/staff/surveys/${s.id}`);
	},
	moveQuestion: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		const data = await request.formData();
		const parsed = parseForm(questionAction, data);
		if (!parsed.ok || !parsed.data.direction)
			return fail(400, {
				action: 'question',
				values: parsed.values,
				errors: parsed.ok ? { _: 'Choose up or down' } : parsed.errors
			});
		const { questionId, direction } = parsed.data;
		try {
			surveys.moveQuestion(getDb(), actorOf(user), s.id, questionId, direction);
		} catch (e) {
			return refused(e, { action: 'question', values: parsed.values });
		}
		redirect(303, `/staff/surveys/${s.id}`);
	}
};
