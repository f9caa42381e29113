import { fail, redirect } from '@sveltejs/kit';
import { formValues } from '$lib/forms/parse';
import { parseCustomQuestionForm } from '$lib/survey/builder-form';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as surveys from '$lib/server/survey/surveys';
import { refused } from '$lib/server/refusal';
import { surveyOf } from '../../../staff';
import { showIfChoices } from '../question-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	requireRole(locals, 'admin', 'commissioner');
	const s = surveyOf(params.id);
	return {
		survey: { id: s.id, title: s.title },
		questionId: surveys.nextQuestionId(s),
		showIf: showIfChoices(getDb(), s)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		const values = formValues(await request.formData());
		const parsed = parseCustomQuestionForm(values, surveys.nextQuestionId(s));
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			surveys.addQuestion(getDb(), actorOf(user), s.id, parsed.question);
		} catch (e) {
			return refused(e, { action: 'question', values });
		}
		redirect(303, `/staff/surveys/${s.id}`);
	}
};
