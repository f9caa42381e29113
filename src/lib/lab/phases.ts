/**
 * What may happen in which phase of a lab, and how the facilitator moves between phases.
 *
 * Phases run ideas -> group -> vote -> shortlist -> closed. The facilitator may move forward
 * any number of phases (a small room may skip grouping) but back only one step at a time
 * (to fix a merge once voting has started, reopen voting, or reopen a closed lab): going back
 * is a correction, so it is made deliberately, one phase at a time. Nothing already on the
 * board (ideas, themes, dots, shortlist) is cleared by a move in either direction.
 */
import type { Countdown } from './countdown';
import { ALLOWED, refuse, type Outcome, type Verdict } from './verdict';

export const PHASES = ['ideas', 'group', 'vote', 'shortlist', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
	ideas: 'ideas',
	group: 'grouping',
	vote: 'voting',
	shortlist: 'shortlist',
	closed: 'closed'
};

/**
 * Who is asking: the facilitator running the lab (in the console, for the whole room or for
 * someone without a phone), or someone who joined with the code.
 */
export type Actor = 'facilitator' | 'participant';

/** Everything anyone can ask to do in a lab. Moderation actions share their event's name. */
export const ACTIONS = [
	'postIdea',
	'placeDot',
	'removeDot',
	'hide',
	'unhide',
	'merge',
	'createTheme',
	'renameTheme',
	'moveToTheme',
	'removeFromTheme',
	'undo',
	'shortlist',
	'unshortlist',
	'createProposal',
	'changePhase',
	'pause',
	'resume',
	'startCountdown',
	'stopCountdown',
	'export'
] as const;
export type Action = (typeof ACTIONS)[number];

interface ActionRule {
	/** Phrase used in refusals: "<label> is only possible in ...". */
	label: string;
	phases: readonly Phase[];
	/** Who may do it. */
	actors: readonly Actor[];
	/** Whether a pause stops it (only what participants do from their phones). */
	pausable: boolean;
}

const OPEN: readonly Phase[] = ['ideas', 'group', 'vote', 'shortlist'];
const EVERY: readonly Phase[] = PHASES;
const GROUPING: readonly Phase[] = ['ideas', 'group'];
const BOTH: readonly Actor[] = ['facilitator', 'participant'];
const FACILITATOR: readonly Actor[] = ['facilitator'];

/**
 * The phase table. Hiding and unhiding work in every phase, even closed: taking down an
 * abusive idea must never wait for a phase change. Merging and grouping stop when voting
 * starts, because they would move dots people have already placed; renaming a theme does
 * not, so a typo can be fixed on the wall at any time. The facilitator may post ideas (typing
 * in sticky notes from people without phones) and place dots, but only for "paper
 * participants", people without a phone whom the facilitator added (the server checks whose
 * dots they are); each has the same budget of dots as anyone with a phone. A pause holds phones
 * only, so the facilitator can catch up with paper votes while the room waits.
 */
const RULES: Record<Action, ActionRule> = {
	postIdea: { label: 'Posting ideas', phases: ['ideas'], actors: BOTH, pausable: true },
	placeDot: { label: 'Placing dots', phases: ['vote'], actors: BOTH, pausable: true },
	removeDot: { label: 'Taking dots back', phases: ['vote'], actors: BOTH, pausable: true },
	hide: { label: 'Hiding ideas', phases: EVERY, actors: FACILITATOR, pausable: false },
	unhide: { label: 'Unhiding ideas', phases: EVERY, actors: FACILITATOR, pausable: false },
	merge: { label: 'Merging ideas', phases: GROUPING, actors: FACILITATOR, pausable: false },
	createTheme: {
		label: 'Creating themes',
		phases: GROUPING,
		actors: FACILITATOR,
		pausable: false
	},
	renameTheme: { label: 'Renaming themes', phases: OPEN, actors: FACILITATOR, pausable: false },
	moveToTheme: {
		label: 'Moving ideas into themes',
		phases: GROUPING,
		actors: FACILITATOR,
		pausable: false
	},
	removeFromTheme: {
		label: 'Taking ideas out of themes',
		phases: GROUPING,
		actors: FACILITATOR,
		pausable: false
	},
	undo: { label: 'Undoing', phases: OPEN, actors: FACILITATOR, pausable: false },
	shortlist: {
		label: 'Choosing the shortlist',
		phases: ['shortlist'],
		actors: FACILITATOR,
		pausable: false
	},
	unshortlist: {
		label: 'Changing the shortlist',
		phases: ['shortlist'],
		actors: FACILITATOR,
		pausable: false
	},
	createProposal: {
		label: 'Turning ideas into proposals',
		phases: ['shortlist'],
		actors: FACILITATOR,
		pausable: false
	},
	changePhase: { label: 'Changing phase', phases: EVERY, actors: FACILITATOR, pausable: false },
	pause: { label: 'Pausing', phases: OPEN, actors: FACILITATOR, pausable: false },
	resume: { label: 'Resuming', phases: OPEN, actors: FACILITATOR, pausable: false },
	startCountdown: {
		label: 'Starting a countdown',
		phases: OPEN,
		actors: FACILITATOR,
		pausable: false
	},
	stopCountdown: {
		label: 'Stopping the countdown',
		phases: OPEN,
		actors: FACILITATOR,
		pausable: false
	},
	export: { label: 'Exporting the board', phases: EVERY, actors: FACILITATOR, pausable: false }
};

/** The phases in which an action is allowed (for help text and tests). */
export function phasesAllowing(action: Action): readonly Phase[] {
	return RULES[action].phases;
}

function listPhases(phases: readonly Phase[]): string {
	const names = phases.map((p) => PHASE_LABELS[p]);
	if (names.length === 1) return `the ${names[0]} phase`;
	return `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} phases`;
}

/**
 * Whether `actor` may do `action` now. Checks the phase, the pause and who is asking; the
 * rules about the board itself (is that idea already hidden? is there a dot left?) are
 * checked by the board and dot functions after this says yes.
 */
export function canDo(phase: Phase, paused: boolean, action: Action, actor: Actor): Verdict {
	const rule = RULES[action];
	if (!rule.actors.includes(actor)) {
		return refuse(
			actor === 'participant'
				? 'Only the facilitator can do that.'
				: 'Only participants can do that, from their own phone or screen.'
		);
	}
	if (!rule.phases.includes(phase)) {
		return refuse(
			`${rule.label} is only possible in ${listPhases(rule.phases)}. ` +
				`The session is in the ${PHASE_LABELS[phase]} phase.`
		);
	}
	if (paused && rule.pausable && actor === 'participant') {
		return refuse('The facilitator has paused the session for a moment. Please wait.');
	}
	if (action === 'pause' && paused) return refuse('The session is already paused.');
	if (action === 'resume' && !paused) return refuse('The session is not paused.');
	return ALLOWED;
}

/** A lab's running state, kept on the lab row (not in the moderation log). */
export interface Session {
	phase: Phase;
	/** While paused, participants cannot post ideas or move dots. */
	paused: boolean;
	/** An advisory countdown on the screen, or null. */
	countdown: Countdown | null;
}

/** The session a new lab starts with. */
export const NEW_SESSION: Session = { phase: 'ideas', paused: false, countdown: null };

/** The phase after this one, or null after closed. */
export function nextPhase(phase: Phase): Phase | null {
	return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

/** The phase before this one, or null before ideas. */
export function previousPhase(phase: Phase): Phase | null {
	const i = PHASES.indexOf(phase);
	return i > 0 ? PHASES[i - 1] : null;
}

/**
 * Moves the session to phase `to`: any number of phases forward, or one back. The countdown
 * belongs to the phase it was set in, so it is cleared; a pause is kept (the facilitator may
 * want to explain the next phase before phones come alive).
 */
export function changePhase(session: Session, to: Phase): Outcome<Session> {
	const from = PHASES.indexOf(session.phase);
	const target = PHASES.indexOf(to);
	if (target === from) return refuse(`The session is already in the ${PHASE_LABELS[to]} phase.`);
	if (target < from - 1) {
		return refuse(
			`You can go back one phase at a time: from ${PHASE_LABELS[session.phase]} back to ` +
				`${PHASE_LABELS[PHASES[from - 1]]}.`
		);
	}
	return { ok: true, value: { ...session, phase: to, countdown: null } };
}

/** The session with posting and dots paused or resumed (check `canDo` first). */
export function setPaused(session: Session, paused: boolean): Session {
	return { ...session, paused };
}
