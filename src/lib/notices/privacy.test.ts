import { describe, expect, it } from 'vitest';
import {
	collected,
	keeping,
	lawfulBasis,
	privacyHrefFor,
	uses,
	type PrivacyFacts
} from './privacy';

const keys = (lines: { key: string }[]) => lines.map((l) => l.key);
const date = (d: Date) => d.toISOString().slice(0, 10);

describe('an activity privacy notice', () => {
	const vote: PrivacyFacts = { kind: 'vote', asksSpecialCategory: true, takesCodes: true };
	const survey: PrivacyFacts = { kind: 'survey', asksSpecialCategory: true, takesCodes: false };

	it('promises a vote deletes special-category answers once the result is recorded', () => {
		expect(keys(keeping(vote, date))).toContain('privacy_keep_special_vote');
		expect(keys(lawfulBasis(vote))).toEqual(['privacy_basis', 'privacy_basis_special']);
		expect(keys(collected(vote))).toEqual(
			expect.arrayContaining(['privacy_special', 'privacy_vote_code'])
		);
		expect(keys(uses(vote))).toContain('privacy_use_vote');
	});

	it('gives a survey the deletion date its commissioner set, or says one will be set', () => {
		expect(keys(keeping(survey, date))).toContain('privacy_keep_special_survey');
		const dated = keeping({ ...survey, specialCategoryDeletedOn: new Date('2027-03-31') }, date);
		expect(dated).toContainEqual({
			key: 'privacy_keep_special_survey_on',
			params: { date: '2027-03-31' }
		});
	});

	it('says nothing about special categories where none are asked', () => {
		const lab: PrivacyFacts = { kind: 'lab', asksSpecialCategory: false, takesCodes: false };
		const all = [...collected(lab), ...lawfulBasis(lab), ...keeping(lab, date)].map((l) => l.key);
		expect(all.filter((k) => k.includes('special'))).toEqual([]);
		expect(lawfulBasis(lab)).toEqual([{ key: 'privacy_basis' }]);
	});

	it.each([
		['/survey/3/page/2', '/privacy/survey/3'],
		['/vote/5', '/privacy/vote/5'],
		['/vote/room', '/privacy'],
		['/lab/HARP47', '/privacy/lab/HARP47'],
		['/charter/abc/history', '/privacy/charter/abc'],
		['/charter/sign/token', '/privacy'],
		['/code', '/privacy'],
		['/', '/privacy']
	])('links the footer on %s to %s', (path, expected) => {
		expect(privacyHrefFor(path)).toBe(expected);
	});
});
