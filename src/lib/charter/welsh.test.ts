import { describe, expect, it } from 'vitest';
import { welshGaps } from '../i18n/welsh';
import { diffContent } from './diff';
import { demoCharterContent } from './demo';
import { contentHash } from './hash';
import { CharterContentSchema } from './schemas';
import {
	charterReader,
	charterTitle,
	charterWelshFields,
	charterWelshSchema,
	welshChanges,
	welshOf
} from './welsh';

describe('a charter in Welsh', () => {
	it('lists every text residents read that has English, by path', () => {
		const paths = charterWelshFields(demoCharterContent()).map((f) => f.path);
		expect(paths).toContain('title');
		expect(paths).toContain('outcomes.o-independent.target');
		expect(paths).toContain('commitments.c-hours.measure');
		expect(paths).toContain('governance.concerns');
		// Names of organisations and people are not translated.
		expect(paths.some((p) => p.includes('organisation') || p.includes('signatory'))).toBe(false);
	});

	it('reads Welsh where there is some, and marks the English left over', () => {
		const content = { ...demoCharterContent(), cy: { title: 'Siarter Glan yr Afon' } };
		const read = charterReader(content, 'cy');
		expect(read('title', content.title)).toEqual({ text: 'Siarter Glan yr Afon' });
		expect(read('summary', content.summary)).toEqual({ text: content.summary, lang: 'en' });
		expect(charterReader(content, 'en')('title', content.title)).toEqual({ text: content.title });
		expect(charterTitle({ ...content, title: '' }, 'cy', 'Heb deitl')).toEqual({
			text: 'Heb deitl'
		});
	});

	it('refuses Welsh longer than the English field allows, beside that field', () => {
		const content = demoCharterContent();
		const schema = charterWelshSchema(content);
		const result = schema.safeParse({ title: 'a'.repeat(161), summary: 'Byr' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['title']);
		expect(schema.parse({ title: 'a'.repeat(160) }).title).toHaveLength(160);
	});

	it('keeps only given Welsh for fields the charter still has', () => {
		const content = demoCharterContent();
		expect(
			welshOf(content, { title: ' Siarter ', summary: '  ', 'outcomes.gone.title': 'Hen nod' })
		).toEqual({ title: 'Siarter' });
	});

	it('leaves the hash of a charter without Welsh as it was, and binds the Welsh when given', () => {
		const content = demoCharterContent();
		const reloaded = CharterContentSchema.parse(JSON.parse(JSON.stringify(content)));
		expect(contentHash(reloaded)).toBe(contentHash(content));
		expect(contentHash({ ...content, cy: { title: 'Siarter' } })).not.toBe(contentHash(content));
		expect(CharterContentSchema.parse({ ...content, cy: { title: 'Siarter' } }).cy).toEqual({
			title: 'Siarter'
		});
	});

	it('shows a Welsh change in the history, field by field', () => {
		const before = { ...demoCharterContent(), cy: { title: 'Siarter' } };
		const after = { ...demoCharterContent(), cy: { title: 'Siarter Newydd', summary: 'Sut' } };
		expect(welshChanges(before, after)).toEqual([
			{ path: 'title', before: 'Siarter', after: 'Siarter Newydd' },
			{ path: 'summary', before: '', after: 'Sut' }
		]);
		const changes = diffContent(before, after);
		expect(changes).toHaveLength(1);
		expect(changes[0].section).toBe('welsh');
		expect(changes[0].fields.map((f) => f.label)).toEqual(['Title in Welsh', 'Summary in Welsh']);
	});

	it('counts as gaps the fields with English and no Welsh', () => {
		const content = { ...demoCharterContent(), cy: { title: 'Siarter' } };
		const fields = charterWelshFields(content);
		expect(welshGaps(fields)).toHaveLength(fields.length - 1);
	});
});
