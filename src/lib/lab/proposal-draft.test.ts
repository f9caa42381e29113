import { describe, expect, it } from 'vitest';
import { applyEvents } from './board';
import type { ItemRef } from './ideas';
import { checkProposalSource, draftProposal, shorten } from './proposal-draft';
import { idea, log } from '../test/ideas';

const BOARD = applyEvents(
	[
		idea('i1', {
			text: 'Share minibuses with the school',
			contribution: 'I can drive',
			kind: 'savesMoney'
		}),
		idea('i2', { text: 'School and day centre share buses', kind: 'improvesOutcomes' }),
		idea('i3', { text: 'Lunch club run by volunteers', kind: 'communityCanDo' }),
		idea('i4', { text: 'Close on Fridays', kind: 'savesMoney' }),
		idea('i5', { text: 'Hidden one', kind: 'savesMoney' })
	],
	log(
		{ type: 'merge', sourceId: 'i2', targetId: 'i1' },
		{ type: 'createTheme', themeId: 't1', name: 'Day centre' },
		{ type: 'moveToTheme', ideaId: 'i3', themeId: 't1' },
		{ type: 'moveToTheme', ideaId: 'i4', themeId: 't1' },
		{ type: 'moveToTheme', ideaId: 'i5', themeId: 't1' },
		{ type: 'hide', ideaId: 'i5', reason: 'Duplicate' }
	)
);

describe('draftProposal', () => {
	it('drafts a saving from an idea, with its contribution and duplicates', () => {
		expect(draftProposal({ type: 'idea', id: 'i1' }, BOARD)).toEqual({
			title: 'Share minibuses with the school',
			description:
				'Share minibuses with the school\n\nSomeone could contribute: I can drive\n\n' +
				'Also suggested as:\n- School and day centre share buses',
			kind: 'saving'
		});
	});

	it('drafts a development from an idea that does not save money', () => {
		expect(draftProposal({ type: 'idea', id: 'i3' }, BOARD)?.kind).toBe('development');
	});

	it('drafts from a theme with its visible ideas', () => {
		// visible ideas: i3 (community) and i4 (saves money): 1 of 2 is not most, so development
		expect(draftProposal({ type: 'theme', id: 't1' }, BOARD)).toEqual({
			title: 'Day centre',
			description:
				'Ideas from the lab on "Day centre":\n- Lunch club run by volunteers\n- Close on Fridays',
			kind: 'development'
		});
	});

	it.each([
		{ type: 'idea' as const, id: 'i9' },
		{ type: 'theme' as const, id: 't9' }
	])('returns null for $type $id, not on the board', (item) => {
		expect(draftProposal(item, BOARD)).toBeNull();
	});
});

describe('shorten', () => {
	it.each([
		{ text: 'short', max: 10, out: 'short' },
		// 20 characters max: the first 19 are "The quick brown fox", followed by a space, so the
		// cut ends a word and keeps it
		{ text: 'The quick brown fox jumps', max: 20, out: 'The quick brown fox…' },
		// 19 max: the first 18 end mid-word ("fo"), so back to the space after "brown"
		{ text: 'The quick brown fox jumps', max: 19, out: 'The quick brown…' },
		// no space in the second half: cut mid-word
		{ text: 'Supercalifragilistic', max: 10, out: 'Supercali…' }
	])('$text to $max: $out', ({ text, max, out }) => {
		expect(shorten(text, max)).toBe(out);
	});
});

describe('checkProposalSource', () => {
	// i1 shortlisted then hidden; i2 and t1 shortlisted; i3 not shortlisted; t2 shortlisted,
	// then its creation undone
	const board = applyEvents(
		[idea('i1'), idea('i2'), idea('i3')],
		log(
			{ type: 'createTheme', themeId: 't1', name: 'Transport' },
			{ type: 'createTheme', themeId: 't2', name: 'Food' },
			{ type: 'shortlist', item: { type: 'idea', id: 'i1' } },
			{ type: 'shortlist', item: { type: 'idea', id: 'i2' } },
			{ type: 'shortlist', item: { type: 'theme', id: 't1' } },
			{ type: 'shortlist', item: { type: 'theme', id: 't2' } },
			{ type: 'hide', ideaId: 'i1', reason: 'Rude' },
			{ type: 'undo', eventId: 'e2' }
		)
	);

	it.each<{ item: ItemRef; reason: string | null }>([
		{ item: { type: 'idea', id: 'i2' }, reason: null },
		{ item: { type: 'theme', id: 't1' }, reason: null },
		{ item: { type: 'idea', id: 'i3' }, reason: 'Add it to the shortlist first.' },
		{
			item: { type: 'idea', id: 'i1' },
			reason: 'That idea has been hidden or merged since it was shortlisted.'
		},
		// undoing t2's creation also skips its shortlisting, so it is not on the shortlist
		{ item: { type: 'theme', id: 't2' }, reason: 'Add it to the shortlist first.' }
	])('$item.type $item.id: $reason', ({ item, reason }) => {
		expect(checkProposalSource(item, board)).toEqual(
			reason === null ? { ok: true } : { ok: false, reason }
		);
	});
});
