import { error, fail, redirect } from '@sveltejs/kit';
import { formValues } from '$lib/forms/parse';
import { customQuestionValues, parseCustomQuestionForm } from '$lib/survey/builder-form';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as surveys from '$lib/server/survey/surveys';
import { refused } from '$lib/server/refusal';
import { surveyOf } from '../../../staff';
import { showIfChoices } from '../question-form';
import type { Actions, PageServerLoad } from './$types';

function questionOf(s: surveys.Survey, qid: string) {
	const q = s.definition.customQuestions.find((x) => x.id === qid);
	if (!q) error(404, 'Question not found');
	return q;
}

export const load: PageServerLoad = ({ params, locals }) => {
	requireRole(locals, 'admin', 'commissioner');
	const s = surveyOf(params.id);
	const q = questionOf(s, params.qid);
	return {
		survey: { id: s.id, title: s.title },
		questionId: q.id,
		values: customQuestionValues(q),
		frozen: surveys.isFrozen(getDb(), s.id),
		showIf: showIfChoices(getDb(), s, `custom:${q.id}`)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const s = surveyOf(params.id);
		const q = questionOf(s, params.qid);
		const values = formValues(await request.formData());
		const parsed = parseCustomQuestionForm(values, q.id);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		try {
			surveys.updateQuestion(getDb(), actorOf(user), s.id, parsed.question);
		} catch (e) {
			return refused(e, { action: 'question', values });
		}
		redirect(303, `/staff/surveys/${s.id}`);
	}
};
