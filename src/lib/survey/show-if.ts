/**
 * Show-if conditions on custom questions: which questions a respondent sees given their
 * answers so far, which stored answers still count, and whether a definition's conditions
 * make sense.
 */
import {
	buildPages,
	customQuestionId,
	type AnswerValue,
	type Answers,
	type Page,
	type Question,
	type SurveyDefinition
} from './template';

/** Whether `answer` satisfies a show-if: equal to the value, or (multiple choice) including it. */
function conditionHolds(answer: AnswerValue | undefined, value: string): boolean {
	if (answer === undefined) return false;
	return typeof answer === 'string' ? answer === value : answer.includes(value);
}

/**
 * The page's questions that should be shown, given every answer so far (this page's and
 * earlier pages'). A question whose show-if is not met is hidden; a page with no visible
 * questions is skipped by the UI.
 */
export function visibleQuestions(page: Page, answers: Answers): Question[] {
	return page.questions.filter(
		(q) => q.showIf === undefined || conditionHolds(answers[q.showIf.questionId], q.showIf.value)
	);
}

/**
 * The answers that still count: those to questions of these pages that are visible, judged
 * in page order so that hiding a question also hides the questions that depend on it. Call it
 * before storing a response, so that going back and changing an answer leaves no stray
 * answers to questions the respondent can no longer see. Unknown ids are dropped.
 */
export function keepVisibleAnswers(
	pages: readonly Page[],
	answers: Answers
): Record<string, AnswerValue> {
	const kept: Record<string, AnswerValue> = {};
	for (const page of pages) {
		for (const q of visibleQuestions(page, kept)) {
			const value = answers[q.id];
			if (value !== undefined) kept[q.id] = value;
		}
	}
	return kept;
}

/** A problem with a custom question's show-if, in words for the commissioner. */
export interface ShowIfProblem {
	questionId: string;
	message: string;
}

/**
 * Checks every custom question's show-if against the pages the definition makes: it must
 * point at a choice or scale question that comes earlier, and at one of that question's
 * answers. Run it when the commissioner saves the survey.
 */
export function showIfProblems(definition: SurveyDefinition): ShowIfProblem[] {
	const pages = buildPages(definition);
	const order = new Map<string, { index: number; question: Question }>();
	let index = 0;
	for (const page of pages)
		for (const q of page.questions) order.set(q.id, { index: index++, question: q });

	const problems: ShowIfProblem[] = [];
	for (const custom of definition.customQuestions) {
		if (!custom.showIf) continue;
		const questionId = customQuestionId(custom.id);
		const self = order.get(questionId);
		const target = order.get(custom.showIf.questionId);
		if (!target || !self) {
			problems.push({ questionId, message: 'The question this depends on is not in the survey.' });
		} else if (target.index >= self.index) {
			problems.push({
				questionId,
				message: 'A question can only depend on a question that comes before it.'
			});
		} else if (target.question.options.length === 0) {
			problems.push({
				questionId,
				message: 'A question can only depend on a choice or scale question, not a text answer.'
			});
		} else if (!target.question.options.some((o) => o.code === custom.showIf?.value)) {
			problems.push({
				questionId,
				message: 'The answer this depends on is not one of that question’s options.'
			});
		}
	}
	return problems;
}
