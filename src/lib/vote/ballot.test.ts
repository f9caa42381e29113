import { describe, expect, it } from 'vitest';
import {
	checkLimits,
	countedProfile,
	differences,
	emptyBallot,
	parseBallot,
	parseMarks,
	parseProfile,
	toFormInput,
	validateContent,
	type BallotContext
} from './ballot';

const ctx: BallotContext = {
	proposalIds: ['1', '2', '3'],
	serviceIds: ['care', 'libraries', 'parks'],
	maxWants: 2,
	maxDontWants: 1,
	areaIds: ['harbour', 'old-town'],
	ageBands: ['16-24', '75+'],
	segmentIds: ['disabled', 'carers']
};

describe('parseMarks', () => {
	it.each([
		['no marks at all', {}, {}],
		[
			'want and don’t want',
			{ 'mark-1': 'want', 'mark-2': 'dontWant' },
			{ '1': 'want', '2': 'dontWant' }
		],
		['no view is no mark', { 'mark-1': 'none', 'mark-3': 'want' }, { '3': 'want' }]
	])('reads %s', (_name, input, marks) => {
		expect(parseMarks(input, ctx)).toMatchObject({ ok: true, marks });
	});

	it.each([
		['a proposal not in the vote', { 'mark-9': 'want' }, '_', 'err_vote_unknown_proposal'],
		[
			'a use answer for a service not in the vote',
			{ 'use-golf': 'yes' },
			'_',
			'err_vote_unknown_proposal'
		],
		['a mark that is not a mark', { 'mark-1': 'maybe' }, 'mark-1', 'err_vote_mark_invalid'],
		[
			'two values for one radio group',
			{ 'mark-1': ['want', 'dontWant'] },
			'mark-1',
			'err_vote_mark_invalid'
		],
		[
			'a use answer that is not yes or no',
			{ 'use-care': 'often' },
			'use-care',
			'err_vote_use_invalid'
		]
	])('refuses %s', (_name, input, field, message) => {
		const parsed = parseMarks(input as Record<string, string>, ctx);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors[field]).toBe(message);
	});

	it('refuses too many wants and don’t-wants with the numbers, dropping nothing', () => {
		const parsed = parseMarks(
			{ 'mark-1': 'want', 'mark-2': 'want', 'mark-3': 'want' },
			{ ...ctx, maxWants: 2 }
		);
		expect(parsed).toEqual({
			ok: false,
			errors: { wants: 'err_vote_too_many_wants' },
			limits: { wants: { count: 3, max: 2 } }
		});
		expect(parseMarks({ 'mark-1': 'dontWant', 'mark-2': 'dontWant' }, ctx)).toMatchObject({
			ok: false,
			limits: { dontWants: { count: 2, max: 1 } }
		});
	});

	it('treats 0 as no limit', () => {
		expect(checkLimits({ '1': 'want', '2': 'want', '3': 'want' }, { ...ctx, maxWants: 0 })).toEqual(
			{}
		);
	});

	it('keeps use answers in listed order whatever order they arrive in', () => {
		expect(
			parseMarks({ 'use-parks': 'yes', 'use-care': 'yes', 'use-libraries': 'no' }, ctx)
		).toMatchObject({
			uses: ['care', 'parks'],
			notUses: ['libraries']
		});
	});
});

describe('parseProfile', () => {
	it('accepts answers, "prefer not to say" and nothing', () => {
		expect(
			parseProfile({ area: 'harbour', ageBand: 'preferNot', 'segment-carers': 'yes' }, ctx)
		).toEqual({
			ok: true,
			profile: { area: 'harbour', ageBand: 'preferNot', segments: { carers: 'yes' } }
		});
		expect(parseProfile({}, ctx)).toEqual({
			ok: true,
			profile: { area: null, ageBand: null, segments: {} }
		});
	});

	it.each([
		[{ area: 'atlantis' }, 'area'],
		[{ ageBand: '12' }, 'ageBand'],
		[{ 'segment-carers': 'sometimes' }, 'segment-carers'],
		[{ 'segment-wizards': 'yes' }, '_']
	])('refuses %o', (input, field) => {
		const parsed = parseProfile(input, ctx);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(Object.keys(parsed.errors)).toContain(field);
	});

	it('counts only real answers: no area when preferred not to say, only "yes" segments', () => {
		expect(
			countedProfile({
				area: 'preferNot',
				ageBand: '75+',
				segments: { disabled: 'preferNot', carers: 'yes' }
			})
		).toEqual({ area: null, ageBand: '75+', segments: ['carers'] });
	});
});

describe('a whole ballot', () => {
	it('round-trips through form fields', () => {
		const content = {
			marks: { '1': 'want' as const, '3': 'dontWant' as const },
			uses: ['care'],
			notUses: ['parks'],
			profile: { area: 'old-town', ageBand: null, segments: { disabled: 'no' as const } }
		};
		expect(parseBallot(toFormInput(content), ctx)).toEqual({ ok: true, content });
		expect(validateContent(content, ctx).ok).toBe(true);
	});

	it('names the fields where two keyings differ', () => {
		const a = { ...emptyBallot(), marks: { '1': 'want' as const } };
		const b = { ...emptyBallot(), marks: { '1': 'dontWant' as const }, uses: ['libraries'] };
		expect(differences(a, b)).toEqual(['mark-1', 'use-libraries']);
		expect(differences(a, a)).toEqual([]);
	});
});
