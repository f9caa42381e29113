import { describe, expect, it } from 'vitest';
import { welshGaps } from '../i18n/welsh';
import { createLabSchema, labWelshSchema, LAB_TITLE_MAX, PROMPT_MAX } from './schemas';
import { labWelshFields } from './welsh';

const lab = {
	title: 'Designing costs out',
	prompts: 'How could we design costs out?\nWhat could we do ourselves?',
	savesMoney: 'on',
	serviceId: 'adult-social-care'
};

describe('the Welsh of a lab', () => {
	it('keeps Welsh prompts line for line, a blank line leaving that prompt without', () => {
		const parsed = createLabSchema.parse({ ...lab, promptsCy: '\nBeth allem ni ei wneud?\n\n' });
		expect(parsed.promptsCy).toEqual(['', 'Beth allem ni ei wneud?']);
		expect(labWelshSchema(2).parse({ titleCy: ' ', promptsCy: 'Sut?' })).toEqual({
			titleCy: null,
			promptsCy: ['Sut?']
		});
	});

	it.each([
		['a title over the limit', { titleCy: 'a'.repeat(LAB_TITLE_MAX + 1) }, 'titleCy'],
		['a prompt over the limit', { promptsCy: `Sut?\n${'b'.repeat(PROMPT_MAX + 1)}` }, 'promptsCy'],
		['more Welsh prompts than English ones', { promptsCy: 'Un\nDau\nTri' }, 'promptsCy']
	])('refuses %s, beside the field', (_, values, field) => {
		const result = labWelshSchema(2).safeParse(values);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
		expect(createLabSchema.safeParse({ ...lab, ...values }).success).toBe(false);
	});

	it('lists the title and each prompt without Welsh as gaps', () => {
		const gaps = welshGaps(
			labWelshFields({
				title: 'Ideas',
				titleCy: 'Syniadau',
				prompts: [
					{ id: 'p1', text: 'How?', textCy: 'Sut?' },
					{ id: 'p2', text: 'What?' }
				]
			})
		);
		expect(gaps.map((g) => g.label)).toEqual(['Prompt 2']);
	});
});
