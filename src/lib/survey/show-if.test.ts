import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customShortText, customSingle, SAMPLE_DEFINITION } from './fixtures';
import { keepVisibleAnswers, showIfProblems, visibleQuestions } from './show-if';
import { buildPages, type Page } from './template';

const pages = buildPages(SAMPLE_DEFINITION);
const page = (id: string): Page => {
	const p = pages.find((x) => x.id === id);
	if (!p) throw new Error(`no page ${id}`);
	return p;
};

describe('visibleQuestions', () => {
	it.each([
		{ name: 'no answer hides', answers: {}, visible: ['custom:heard'] },
		{
			name: 'a different answer hides',
			answers: { 'custom:heard': 'no' },
			visible: ['custom:heard']
		},
		{
			name: 'the answer shows',
			answers: { 'custom:heard': 'yes' },
			visible: ['custom:heard', 'custom:how']
		}
	])('single choice: $name', ({ answers, visible }) => {
		// Both questions on one page, to test the condition itself.
		const merged: Page = {
			...page('custom:1'),
			questions: [...page('custom:1').questions, ...page('custom:2').questions]
		};
		expect(visibleQuestions(merged, answers).map((q) => q.id)).toEqual(visible);
	});

	it.each([
		{ answers: { 'custom:how': ['web', 'paper'] }, shown: true },
		{ answers: { 'custom:how': ['web'] }, shown: false },
		{ answers: { 'custom:how': 'paper' }, shown: true }
	])('multiple choice includes: $answers -> $shown', ({ answers, shown }) => {
		expect(visibleQuestions(page('custom:3'), answers).length).toBe(shown ? 1 : 0);
	});
});

describe('keepVisibleAnswers', () => {
	it('drops answers to questions hidden by a changed earlier answer, down the chain', () => {
		// heard -> how -> paperName. Changing heard to "no" hides how, and so paperName.
		const kept = keepVisibleAnswers(pages, {
			'custom:heard': 'no',
			'custom:how': ['paper'],
			'custom:paperName': 'Gazette',
			'svc:parks:importance': '4'
		});
		expect(kept).toEqual({ 'custom:heard': 'no', 'svc:parks:importance': '4' });
	});

	it('keeps the chain when it holds', () => {
		const answers = {
			'custom:heard': 'yes',
			'custom:how': ['paper'],
			'custom:paperName': 'Gazette'
		};
		expect(keepVisibleAnswers(pages, answers)).toEqual(answers);
	});

	it('drops answers to unknown questions', () => {
		expect(keepVisibleAnswers(pages, { 'svc:pools:importance': '5' })).toEqual({});
	});

	it('is idempotent', () => {
		const value = fc.oneof(fc.constantFrom('yes', 'no', 'x'), fc.subarray(['web', 'paper']));
		fc.assert(
			fc.property(
				fc.record(
					{ 'custom:heard': value, 'custom:how': value, 'custom:paperName': value },
					{ requiredKeys: [] }
				),
				(answers) => {
					const once = keepVisibleAnswers(pages, answers);
					expect(keepVisibleAnswers(pages, once)).toEqual(once);
				}
			)
		);
	});
});

describe('showIfProblems', () => {
	const base = { serviceIds: ['parks'], areas: [], ageBands: [], segments: [] };

	it('finds none in a sound SAMPLE_DEFINITION', () => {
		expect(showIfProblems(SAMPLE_DEFINITION)).toEqual([]);
	});

	it.each([
		{
			name: 'an unknown question',
			showIf: { questionId: 'custom:nope', value: 'yes' },
			message: 'The question this depends on is not in the survey.'
		},
		{
			name: 'a later question',
			showIf: { questionId: 'custom:later', value: 'yes' },
			message: 'A question can only depend on a question that comes before it.'
		},
		{
			name: 'a text question',
			showIf: { questionId: 'custom:text', value: 'yes' },
			message: 'A question can only depend on a choice or scale question, not a text answer.'
		},
		{
			name: 'an answer the question does not offer',
			showIf: { questionId: 'svc:parks:willingness', value: 'enormously' },
			message: 'The answer this depends on is not one of that question’s options.'
		}
	])('reports a dependency on $name', ({ showIf, message }) => {
		const problems = showIfProblems({
			...base,
			customQuestions: [
				customShortText('text'),
				customShortText('q', { showIf }),
				customSingle('later', ['yes'])
			]
		});
		expect(problems).toEqual([{ questionId: 'custom:q', message }]);
	});
});
