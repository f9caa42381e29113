/**
 * The rules of a ballot form, shared by the online ballot, the kiosk, the room and paper entry:
 * which fields a ballot sends, how they become a ballot, and what makes one invalid (a proposal
 * that is not in this vote, a mark that is not a mark, more wants or don't-wants than the rules
 * allow). Marks over a limit are refused with a message, never dropped.
 *
 * Resident-facing errors are Paraglide message keys (`err_vote_...`), so the same rules answer in
 * English and Welsh; `limits` carries the numbers the limit messages need.
 */
import { overLimit, type Mark } from '../budget/types';

/** What a voter says about themselves; every question may be left or answered "prefer not to say". */
export interface BallotProfile {
	/** An area id, `preferNot`, or null when not answered. */
	area: string | null;
	ageBand: string | null;
	/** Segment id -> yes / no / preferNot (unanswered segments are absent). */
	segments: Record<string, SegmentAnswer>;
}

export type SegmentAnswer = 'yes' | 'no' | 'preferNot';
export const PREFER_NOT = 'preferNot';

/** A complete ballot as the voter filled it in (online, kiosk, room, or keyed from paper). */
export interface BallotContent {
	/** Proposal id -> mark; absent = no view. */
	marks: Record<string, Mark>;
	/** Service ids the voter or their household uses (asked once per service, not per proposal). */
	uses: string[];
	/** Service ids where the voter answered "No" to the use question (so the form remembers it). */
	notUses: string[];
	profile: BallotProfile;
}

/** What a ballot is checked against: the vote's proposals, limits and profile choices. */
export interface BallotContext {
	proposalIds: readonly string[];
	/** The services of the vote's proposals, in the order proposals first name them. */
	serviceIds: readonly string[];
	maxWants: number;
	maxDontWants: number;
	areaIds: readonly string[];
	ageBands: readonly string[];
	segmentIds: readonly string[];
}

export type BallotErrors = Record<string, string>;

export interface LimitBreach {
	wants?: { count: number; max: number };
	dontWants?: { count: number; max: number };
}

export type BallotParse =
	{ ok: true; content: BallotContent } | { ok: false; errors: BallotErrors; limits: LimitBreach };

export type FormInput = Record<string, string | string[] | undefined>;

/** Form field names: one radio group per proposal, one use question per service, per segment. */
export const markField = (proposalId: string) => `mark-${proposalId}`;
export const useField = (serviceId: string) => `use-${serviceId}`;
export const segmentField = (segmentId: string) => `segment-${segmentId}`;

const MARK_VALUES: Record<string, Mark | null> = { want: 'want', dontWant: 'dontWant', none: null };
const FIELD = /^(mark|use|segment)-(.{1,64})$/;
/** A ballot for a vote of a few dozen proposals never needs more than this many fields. */
const MAX_FIELDS = 600;

/**
 * The services a ballot asks about, once each, in the order the proposals first name them: the
 * first proposal of each service (which carries the service's name).
 */
export function servicesOf<P extends { serviceId: string }>(proposals: readonly P[]): P[] {
	const seen = new Set<string>();
	return proposals.filter((p) => !seen.has(p.serviceId) && !!seen.add(p.serviceId));
}

/** An empty ballot. */
export function emptyBallot(): BallotContent {
	return {
		marks: {},
		uses: [],
		notUses: [],
		profile: { area: null, ageBand: null, segments: {} }
	};
}

function single(value: string | string[] | undefined): string | undefined {
	// A radio group sends one value; two means the form was tampered with.
	if (Array.isArray(value)) return value.length === 1 ? value[0] : '\u0000';
	return value;
}

/**
 * Reads the marks and use answers of a submitted ballot page. Fields for proposals or services
 * that are not in this vote (a tampered form, or a form from another vote) make the whole ballot
 * invalid.
 */
export function parseMarks(
	input: FormInput,
	ctx: BallotContext
):
	| { ok: true; marks: BallotContent['marks']; uses: string[]; notUses: string[] }
	| {
			ok: false;
			errors: BallotErrors;
			limits: LimitBreach;
	  } {
	const errors: BallotErrors = {};
	const known = new Set(ctx.proposalIds);
	const knownServices = new Set(ctx.serviceIds);
	const marks: BallotContent['marks'] = {};
	const uses: string[] = [];
	const notUses: string[] = [];
	let fields = 0;
	for (const [key, raw] of Object.entries(input)) {
		const match = FIELD.exec(key);
		if (!match || match[1] === 'segment') continue;
		if (++fields > MAX_FIELDS) {
			errors._ = 'err_vote_unknown_proposal';
			break;
		}
		const [, kind, id] = match;
		if (!(kind === 'mark' ? known : knownServices).has(id)) {
			errors._ = 'err_vote_unknown_proposal';
			continue;
		}
		const value = single(raw);
		if (value === undefined || value === '') continue;
		if (kind === 'mark') {
			if (!(value in MARK_VALUES)) errors[key] = 'err_vote_mark_invalid';
			else if (MARK_VALUES[value]) marks[id] = MARK_VALUES[value];
		} else if (value === 'yes') uses.push(id);
		else if (value === 'no') notUses.push(id);
		else errors[key] = 'err_vote_use_invalid';
	}
	const limits = checkLimits(marks, ctx);
	if (limits.wants) errors.wants = 'err_vote_too_many_wants';
	if (limits.dontWants) errors.dontWants = 'err_vote_too_many_dont_wants';
	if (Object.keys(errors).length) return { ok: false, errors, limits };
	// Listed order, whatever order the fields arrived in.
	const order = (list: string[]) => ctx.serviceIds.filter((id) => list.includes(id));
	return { ok: true, marks, uses: order(uses), notUses: order(notUses) };
}

/** How far a ballot's marks exceed the rules' limits (0 = no limit). */
export function checkLimits(marks: BallotContent['marks'], ctx: BallotContext): LimitBreach {
	let wants = 0;
	let dontWants = 0;
	for (const mark of Object.values(marks)) {
		if (mark === 'want') wants++;
		else if (mark === 'dontWant') dontWants++;
	}
	const breach: LimitBreach = {};
	if (overLimit(wants, ctx.maxWants)) breach.wants = { count: wants, max: ctx.maxWants };
	if (overLimit(dontWants, ctx.maxDontWants))
		breach.dontWants = { count: dontWants, max: ctx.maxDontWants };
	return breach;
}

/** Reads the profile page: area, age band and each segment, all optional. */
export function parseProfile(
	input: FormInput,
	ctx: BallotContext
): { ok: true; profile: BallotProfile } | { ok: false; errors: BallotErrors } {
	const errors: BallotErrors = {};
	const choice = (name: string, allowed: readonly string[]): string | null => {
		const value = single(input[name]);
		if (value === undefined || value === '') return null;
		if (value === PREFER_NOT || allowed.includes(value)) return value;
		errors[name] = 'err_vote_profile_invalid';
		return null;
	};
	const area = choice('area', ctx.areaIds);
	const ageBand = choice('ageBand', ctx.ageBands);
	const segments: Record<string, SegmentAnswer> = {};
	const knownSegments = new Set(ctx.segmentIds);
	for (const [key, raw] of Object.entries(input)) {
		const match = FIELD.exec(key);
		if (!match || match[1] !== 'segment') continue;
		if (!knownSegments.has(match[2])) {
			errors._ = 'err_vote_profile_invalid';
			continue;
		}
		const value = single(raw);
		if (value === undefined || value === '') continue;
		if (value === 'yes' || value === 'no' || value === PREFER_NOT) segments[match[2]] = value;
		else errors[key] = 'err_vote_profile_invalid';
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	const ordered: Record<string, SegmentAnswer> = {};
	for (const id of ctx.segmentIds) if (segments[id]) ordered[id] = segments[id];
	return { ok: true, profile: { area, ageBand, segments: ordered } };
}

/**
 * A whole ballot in one form (the check-answers page's submit, paper entry, the benchmark): marks,
 * uses and profile together, with every rule applied.
 */
export function parseBallot(input: FormInput, ctx: BallotContext): BallotParse {
	const marks = parseMarks(input, ctx);
	const profile = parseProfile(input, ctx);
	if (!marks.ok || !profile.ok) {
		return {
			ok: false,
			errors: { ...(profile.ok ? {} : profile.errors), ...(marks.ok ? {} : marks.errors) },
			limits: marks.ok ? {} : marks.limits
		};
	}
	return {
		ok: true,
		content: {
			marks: marks.marks,
			uses: marks.uses,
			notUses: marks.notUses,
			profile: profile.profile
		}
	};
}

/**
 * Checks a ballot already in domain form (a stored draft, a paper keying) against the vote as it
 * stands: the same rules as the form, so nothing invalid is cast whichever way it arrived.
 */
export function validateContent(content: BallotContent, ctx: BallotContext): BallotParse {
	return parseBallot(toFormInput(content), ctx);
}

/** A ballot as form fields: for hidden inputs on the check-answers page and for re-validation. */
export function toFormInput(content: BallotContent): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [id, mark] of Object.entries(content.marks)) out[markField(id)] = mark;
	for (const id of content.uses) out[useField(id)] = 'yes';
	for (const id of content.notUses) out[useField(id)] = 'no';
	if (content.profile.area) out.area = content.profile.area;
	if (content.profile.ageBand) out.ageBand = content.profile.ageBand;
	for (const [id, answer] of Object.entries(content.profile.segments))
		out[segmentField(id)] = answer;
	return out;
}

/** What the count sees: a real area or null, and only the segments answered "yes". */
export function countedProfile(profile: BallotProfile): {
	area: string | null;
	ageBand: string | null;
	segments: string[];
} {
	return {
		area: profile.area && profile.area !== PREFER_NOT ? profile.area : null,
		ageBand: profile.ageBand && profile.ageBand !== PREFER_NOT ? profile.ageBand : null,
		segments: Object.entries(profile.segments)
			.filter(([, answer]) => answer === 'yes')
			.map(([id]) => id)
	};
}

/** Two keyings of the same paper ballot: the fields where they differ (empty when they agree). */
export function differences(a: BallotContent, b: BallotContent): string[] {
	const left = toFormInput(a);
	const right = toFormInput(b);
	const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
	return [...keys].filter((k) => left[k] !== right[k]).sort();
}

/** Wants and don't-wants on a ballot, for the counters beside the limits. */
export function markCounts(marks: BallotContent['marks']): { wants: number; dontWants: number } {
	let wants = 0;
	let dontWants = 0;
	for (const mark of Object.values(marks)) {
		if (mark === 'want') wants++;
		else dontWants++;
	}
	return { wants, dontWants };
}
