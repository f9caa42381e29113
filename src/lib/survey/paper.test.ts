import { describe, expect, it } from 'vitest';
import { SAMPLE_DEFINITION } from './fixtures';
import { paperSurvey } from './paper';
import { buildPages } from './template';

const q = (
	id: string,
	type: 'single' | 'multiple' | 'scale' | 'shortText' | 'longText',
	showIf?: string
) => ({
	id,
	type,
	...(showIf ? { showIf: { questionId: showIf, value: 'yes' } } : {})
});

describe('the paper survey', () => {
	it('numbers every question from 1 across the pages, in the online order', () => {
		const pages = buildPages(SAMPLE_DEFINITION);
		const paper = paperSurvey(pages);
		expect(paper.map((p) => p.id)).toEqual(pages.map((p) => p.id));
		const numbers = paper.flatMap((p) => p.questions.map((x) => x.number));
		expect(numbers).toEqual(numbers.map((_, i) => i + 1));
		expect(paper.flatMap((p) => p.questions.map((x) => x.id))).toEqual(
			pages.flatMap((p) => p.questions.map((x) => x.id))
		);
	});

	it.each([
		['single', 'tickOne'],
		['scale', 'tickOne'],
		['multiple', 'tickAll'],
		['shortText', 'write'],
		['longText', 'write']
	] as const)('asks for a %s question: %s', (type, instruction) => {
		expect(paperSurvey([{ id: 'p', questions: [q('a', type)] }])[0].questions[0].instruction).toBe(
			instruction
		);
	});

	it('says which earlier question and answer a conditional question depends on', () => {
		const paper = paperSurvey(buildPages(SAMPLE_DEFINITION));
		const byId = new Map(paper.flatMap((p) => p.questions).map((x) => [x.id, x]));
		expect(byId.get('custom:how')?.onlyIf).toEqual({
			number: byId.get('custom:heard')!.number,
			value: 'yes'
		});
		expect(byId.get('custom:paperName')?.onlyIf).toEqual({
			number: byId.get('custom:how')!.number,
			value: 'paper'
		});
		expect(byId.get('custom:heard')?.onlyIf).toBeNull();
	});

	it.each([
		[
			'a question on an earlier page',
			[[q('a', 'single')], [q('b', 'single', 'a')]],
			'b',
			{ number: 1, value: 'yes' }
		],
		['a question printed later', [[q('b', 'single', 'a'), q('a', 'single')]], 'b', null],
		['a question not on the form', [[q('b', 'single', 'gone')]], 'b', null],
		['itself', [[q('a', 'single', 'a')]], 'a', null]
	])('points a condition only back: %s', (_, pages, id, expected) => {
		const paper = paperSurvey(pages.map((questions, i) => ({ id: `p${i}`, questions })));
		expect(paper.flatMap((p) => p.questions).find((x) => x.id === id)?.onlyIf).toEqual(expected);
	});
});
