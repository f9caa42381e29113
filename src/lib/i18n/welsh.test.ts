import { describe, expect, it } from 'vitest';
import { inLanguage, welshGaps } from './welsh';

describe('inLanguage', () => {
	it.each([
		['en', 'Libraries', 'Llyfrgelloedd', { text: 'Libraries' }],
		['cy', 'Libraries', 'Llyfrgelloedd', { text: 'Llyfrgelloedd' }],
		// No Welsh yet: the English, marked as English for screen readers.
		['cy', 'Libraries', null, { text: 'Libraries', lang: 'en' }],
		['cy', 'Libraries', '  ', { text: 'Libraries', lang: 'en' }],
		['cy', '', null, { text: '' }]
	])('on a %s page, %s / %s', (lang, en, cy, expected) => {
		expect(inLanguage(en, cy, lang)).toEqual(expected);
	});
});

describe('welshGaps', () => {
	it('lists English text that has no Welsh, and nothing that has no English either', () => {
		const gaps = welshGaps([
			{ label: 'Title', en: 'Libraries', cy: 'Llyfrgelloedd' },
			{ label: 'Description', en: 'What we ask', cy: '' },
			{ label: 'Summary', en: '', cy: null },
			{ label: 'Prompt 1', en: 'How could we...?', cy: undefined }
		]);
		expect(gaps.map((g) => g.label)).toEqual(['Description', 'Prompt 1']);
	});
});
