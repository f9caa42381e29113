import { describe, expect, it } from 'vitest';
import {
	ACTIONS,
	PHASES,
	canDo,
	changePhase,
	nextPhase,
	previousPhase,
	setPaused,
	type Action,
	type Actor,
	type Phase,
	type Session
} from './phases';

// The phase table written out by hand from docs/lab.md and the design notes in phases.ts,
// independently of the RULES object. Columns: ideas, group, vote, shortlist, closed.
// F = facilitator only, P = participant only, B = both, - = nobody.
const TABLE: Record<Exclude<Action, 'resume'>, string> = {
	postIdea: 'B----',
	placeDot: '--B--',
	removeDot: '--B--',
	hide: 'FFFFF',
	unhide: 'FFFFF',
	merge: 'FF---',
	createTheme: 'FF---',
	renameTheme: 'FFFF-',
	moveToTheme: 'FF---',
	removeFromTheme: 'FF---',
	undo: 'FFFF-',
	shortlist: '---F-',
	unshortlist: '---F-',
	createProposal: '---F-',
	changePhase: 'FFFFF',
	pause: 'FFFF-',
	startCountdown: 'FFFF-',
	stopCountdown: 'FFFF-',
	export: 'FFFFF'
};

function expected(cell: string, actor: Actor): boolean {
	return (
		cell === 'B' ||
		(cell === 'F' && actor === 'facilitator') ||
		(cell === 'P' && actor === 'participant')
	);
}

const cases = (Object.keys(TABLE) as (keyof typeof TABLE)[]).flatMap((action) =>
	PHASES.flatMap((phase, col) =>
		(['facilitator', 'participant'] as const).map((actor) => ({
			action,
			phase,
			actor,
			allowed: expected(TABLE[action][col], actor)
		}))
	)
);

describe('canDo, not paused', () => {
	it('covers every action but resume in the table', () => {
		expect(Object.keys(TABLE).sort()).toEqual(ACTIONS.filter((a) => a !== 'resume').sort());
	});

	it.each(cases)(
		'$action in $phase by $actor: allowed=$allowed',
		({ action, phase, actor, allowed }) => {
			expect(canDo(phase, false, action, actor).ok).toBe(allowed);
		}
	);
});

describe('canDo, paused', () => {
	it.each<{ phase: Phase; action: Action; actor: Actor; allowed: boolean }>([
		// A pause stops participants only.
		{ phase: 'ideas', action: 'postIdea', actor: 'participant', allowed: false },
		{ phase: 'ideas', action: 'postIdea', actor: 'facilitator', allowed: true },
		{ phase: 'vote', action: 'placeDot', actor: 'participant', allowed: false },
		{ phase: 'vote', action: 'removeDot', actor: 'participant', allowed: false },
		// The facilitator placing dots for someone without a phone is not held up.
		{ phase: 'vote', action: 'placeDot', actor: 'facilitator', allowed: true },
		{ phase: 'vote', action: 'removeDot', actor: 'facilitator', allowed: true },
		{ phase: 'group', action: 'merge', actor: 'facilitator', allowed: true },
		{ phase: 'vote', action: 'hide', actor: 'facilitator', allowed: true },
		{ phase: 'ideas', action: 'pause', actor: 'facilitator', allowed: false },
		{ phase: 'ideas', action: 'resume', actor: 'facilitator', allowed: true },
		{ phase: 'shortlist', action: 'resume', actor: 'facilitator', allowed: true },
		{ phase: 'closed', action: 'resume', actor: 'facilitator', allowed: false },
		{ phase: 'vote', action: 'resume', actor: 'participant', allowed: false }
	])('$action in $phase by $actor: allowed=$allowed', ({ phase, action, actor, allowed }) => {
		expect(canDo(phase, true, action, actor).ok).toBe(allowed);
	});

	it('refuses resume when not paused', () => {
		expect(canDo('ideas', false, 'resume', 'facilitator')).toEqual({
			ok: false,
			reason: 'The session is not paused.'
		});
	});
});

describe('canDo reasons', () => {
	it.each<{ phase: Phase; paused: boolean; action: Action; actor: Actor; reason: string }>([
		{
			phase: 'ideas',
			paused: false,
			action: 'hide',
			actor: 'participant',
			reason: 'Only the facilitator can do that.'
		},
		{
			phase: 'group',
			paused: false,
			action: 'placeDot',
			actor: 'facilitator',
			reason:
				'Placing dots is only possible in the voting phase. The session is in the grouping phase.'
		},
		{
			phase: 'vote',
			paused: false,
			action: 'postIdea',
			actor: 'participant',
			reason:
				'Posting ideas is only possible in the ideas phase. The session is in the voting phase.'
		},
		{
			phase: 'vote',
			paused: false,
			action: 'merge',
			actor: 'facilitator',
			reason:
				'Merging ideas is only possible in the ideas and grouping phases. The session is in the voting phase.'
		},
		{
			phase: 'closed',
			paused: false,
			action: 'undo',
			actor: 'facilitator',
			reason:
				'Undoing is only possible in the ideas, grouping, voting and shortlist phases. The session is in the closed phase.'
		},
		{
			phase: 'ideas',
			paused: true,
			action: 'postIdea',
			actor: 'participant',
			reason: 'The facilitator has paused the session for a moment. Please wait.'
		}
	])('$action in $phase by $actor says why', ({ phase, paused, action, actor, reason }) => {
		expect(canDo(phase, paused, action, actor)).toEqual({ ok: false, reason });
	});
});

describe('changePhase', () => {
	const session = (phase: Phase): Session => ({
		phase,
		paused: true,
		countdown: { endsAt: 5000 }
	});

	it.each<{ from: Phase; to: Phase; ok: boolean }>([
		{ from: 'ideas', to: 'group', ok: true },
		{ from: 'ideas', to: 'vote', ok: true }, // a small room may skip grouping
		{ from: 'ideas', to: 'closed', ok: true },
		{ from: 'ideas', to: 'ideas', ok: false },
		{ from: 'group', to: 'ideas', ok: true },
		{ from: 'vote', to: 'group', ok: true },
		{ from: 'vote', to: 'ideas', ok: false }, // back two phases at once
		{ from: 'shortlist', to: 'vote', ok: true },
		{ from: 'shortlist', to: 'closed', ok: true },
		{ from: 'closed', to: 'shortlist', ok: true },
		{ from: 'closed', to: 'vote', ok: false }
	])('$from -> $to: ok=$ok', ({ from, to, ok }) => {
		expect(changePhase(session(from), to).ok).toBe(ok);
	});

	it('clears the countdown and keeps the pause', () => {
		expect(changePhase(session('ideas'), 'group')).toEqual({
			ok: true,
			value: { phase: 'group', paused: true, countdown: null }
		});
	});

	it('explains a jump back of more than one phase', () => {
		expect(changePhase(session('shortlist'), 'ideas')).toEqual({
			ok: false,
			reason: 'You can go back one phase at a time: from shortlist back to voting.'
		});
	});
});

describe('next and previous phase', () => {
	it.each<{ phase: Phase; next: Phase | null; previous: Phase | null }>([
		{ phase: 'ideas', next: 'group', previous: null },
		{ phase: 'vote', next: 'shortlist', previous: 'group' },
		{ phase: 'closed', next: null, previous: 'shortlist' }
	])('$phase', ({ phase, next, previous }) => {
		expect([nextPhase(phase), previousPhase(phase)]).toEqual([next, previous]);
	});
});

describe('setPaused', () => {
	it('changes only the pause', () => {
		const s: Session = { phase: 'vote', paused: false, countdown: { endsAt: 1 } };
		expect(setPaused(s, true)).toEqual({ ...s, paused: true });
	});
});
