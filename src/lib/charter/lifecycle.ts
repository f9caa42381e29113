import { emptyContent, isBlank, type CharterContent } from './charter';
import { completeness, consultationGaps, structuralProblems } from './completeness';
import { openComments, type CommentResponse, type ConsultationComment } from './consultation';
import { contentHash } from './hash';
import { RAG_STATUSES, type RagStatus, type ReviewEntry, type ReviewTarget } from './review';
import {
	EDITABLE_STATUSES,
	nextVersionNumber,
	publishedVersion,
	signingVersion,
	missingSignatures,
	type CharterState,
	type CharterStatus,
	type CharterVersion
} from './state';

/**
 * Who is asking. The server works this out (a staff session, a signing link it issued, or
 * nobody in particular) and the rules here decide what each may do.
 */
export type Actor =
	| { kind: 'staff' }
	| { kind: 'public' }
	/** Someone holding a signing link: it names one party and one version. */
	| { kind: 'signatory'; partyId: string; versionNumber: number };

export interface TransitionContext {
	actor: Actor;
	/** The caller's clock, as an ISO date-time; the only source of dates here. */
	now: string;
}

export type CharterAction =
	/** Replace the working text (the server applies a form to the current content first). */
	| { type: 'edit'; content: CharterContent }
	| { type: 'openConsultation' }
	| { type: 'comment'; id: string; authorName: string; text: string }
	| { type: 'answerComment'; commentId: string; response: CommentResponse; answer: string }
	/** Freeze the working text as the next numbered version and ask the parties to sign. */
	| { type: 'openSigning' }
	/** Take a text back out of signing to change it; it stays in the record as withdrawn. */
	| { type: 'withdrawSigning'; reason: string }
	/** `versionHash` is the hash of the text the signatory was shown. */
	| { type: 'sign'; name: string; role: string; versionHash: string }
	| { type: 'publish' }
	| { type: 'recordReview'; id: string; target: ReviewTarget; status: RagStatus; note: string }
	| { type: 'startAmendment' }
	/** Drop an unsigned amendment and go back to the version in force. */
	| { type: 'discardAmendment' };

export type CharterActionType = CharterAction['type'];

export type TransitionResult = { ok: true; state: CharterState } | { ok: false; reasons: string[] };

/** Who may take each action. Signatories only sign; the public only comments. */
const ALLOWED_ACTORS: Record<CharterActionType, readonly Actor['kind'][]> = {
	edit: ['staff'],
	openConsultation: ['staff'],
	comment: ['staff', 'public'],
	answerComment: ['staff'],
	openSigning: ['staff'],
	withdrawSigning: ['staff'],
	sign: ['signatory'],
	publish: ['staff'],
	recordReview: ['staff'],
	startAmendment: ['staff'],
	discardAmendment: ['staff']
};

/** A new charter: an empty draft unless a starting text is given. */
export function newCharter(content: CharterContent = emptyContent()): CharterState {
	return {
		status: 'draft',
		content: structuredClone(content),
		versions: [],
		comments: [],
		reviews: []
	};
}

/**
 * The charter's life cycle as one pure function: given where the charter is, what someone
 * wants to do and who they are, either the new state or every reason it cannot be done, in
 * plain English. The input state is never changed. Calling it and ignoring the new state is
 * also how a page asks "could this be done now, and if not why not?".
 */
export function transition(
	state: CharterState,
	action: CharterAction,
	context: TransitionContext
): TransitionResult {
	if (!ALLOWED_ACTORS[action.type].includes(context.actor.kind))
		return refuse(notAllowed(action.type, context.actor));
	switch (action.type) {
		case 'edit':
			return edit(state, action.content);
		case 'openConsultation':
			return openConsultation(state);
		case 'comment':
			return comment(state, action, context.now);
		case 'answerComment':
			return answerComment(state, action, context.now);
		case 'openSigning':
			return openSigning(state, context.now);
		case 'withdrawSigning':
			return withdrawSigning(state, action.reason, context.now);
		case 'sign':
			return sign(state, action, context);
		case 'publish':
			return publish(state, context.now);
		case 'recordReview':
			return recordReview(state, action, context.now);
		case 'startAmendment':
			return startAmendment(state);
		case 'discardAmendment':
			return discardAmendment(state);
	}
}

function refuse(...reasons: string[]): TransitionResult {
	return { ok: false, reasons };
}

function accept(state: CharterState): TransitionResult {
	return { ok: true, state };
}

function notAllowed(type: CharterActionType, actor: Actor): string {
	if (type === 'sign') return 'Only a signatory with a signing link can sign the charter.';
	if (actor.kind === 'signatory') return 'A signing link can only be used to sign the charter.';
	return 'Only council staff working on this charter can do that.';
}

/** Why the working text cannot be changed in this status. */
function frozenReason(state: CharterState): string {
	const last = state.versions.at(-1);
	if (state.status === 'signing' && last)
		return `The charter is frozen as version ${last.number} while the parties sign it: withdraw it from signing to change it.`;
	const number = last?.number ?? 1;
	return `Version ${number} has been signed and can never be changed: start an amendment to change the charter.`;
}

function edit(state: CharterState, content: CharterContent): TransitionResult {
	if (!EDITABLE_STATUSES.includes(state.status)) return refuse(frozenReason(state));
	const problems = structuralProblems(content);
	if (problems.length > 0) return refuse(...problems);
	return accept({ ...state, content: structuredClone(content) });
}

function openConsultation(state: CharterState): TransitionResult {
	if (state.status === 'consultation') return refuse('The charter is already open for comments.');
	if (state.status !== 'draft' && state.status !== 'amending')
		return refuse('Only a draft or a draft amendment can be opened for comments.');
	const reasons = [...consultationGaps(state.content), ...structuralProblems(state.content)];
	if (reasons.length > 0) return refuse(...reasons);
	return accept({ ...state, status: 'consultation' });
}

function comment(
	state: CharterState,
	action: Extract<CharterAction, { type: 'comment' }>,
	now: string
): TransitionResult {
	if (state.status !== 'consultation')
		return refuse('The charter is not open for comments at the moment.');
	const reasons: string[] = [];
	if (isBlank(action.text)) reasons.push('Write your comment before sending it.');
	if (isBlank(action.id) || state.comments.some((c) => c.id === action.id))
		reasons.push('This comment needs a new id.');
	if (reasons.length > 0) return refuse(...reasons);
	const added: ConsultationComment = {
		id: action.id,
		authorName: action.authorName.trim(),
		text: action.text.trim(),
		status: 'open',
		answer: '',
		createdAt: now,
		answeredAt: null,
		draftVersion: nextVersionNumber(state)
	};
	return accept({ ...state, comments: [...state.comments, added] });
}

function answerComment(
	state: CharterState,
	action: Extract<CharterAction, { type: 'answerComment' }>,
	now: string
): TransitionResult {
	const target = state.comments.find((c) => c.id === action.commentId);
	if (!target) return refuse('That comment was not found.');
	// Responses are part of the public record, so they are given once and not rewritten.
	if (target.status !== 'open') return refuse('This comment has already been responded to.');
	if (action.response === 'answered' && isBlank(action.answer))
		return refuse('Write the answer before saving it.');
	const comments = state.comments.map((c) =>
		c.id === target.id
			? { ...c, status: action.response, answer: action.answer.trim(), answeredAt: now }
			: c
	);
	return accept({ ...state, comments });
}

function openSigning(state: CharterState, now: string): TransitionResult {
	if (state.status === 'draft')
		return refuse(
			'Open the charter for comments first: residents must have the chance to comment before the parties sign.'
		);
	if (state.status !== 'consultation' && state.status !== 'amending')
		return refuse(
			state.status === 'signing'
				? 'The charter is already being signed.'
				: 'Only a charter under consultation or a draft amendment can be sent for signing.'
		);
	const reasons = [
		...structuralProblems(state.content),
		...completeness(state.content).map((g) => g.message)
	];
	const open = openComments(state.comments).length;
	if (open > 0)
		reasons.push(
			open === 1
				? '1 comment is still waiting for a response: answer or acknowledge it before signing.'
				: `${open} comments are still waiting for a response: answer or acknowledge each one before signing.`
		);
	const inForce = publishedVersion(state);
	const hash = contentHash(state.content);
	if (inForce && inForce.hash === hash)
		reasons.push(`The amendment makes no changes to version ${inForce.number}.`);
	if (reasons.length > 0) return refuse(...reasons);
	const version: CharterVersion = {
		number: nextVersionNumber(state),
		content: deepFreeze(structuredClone(state.content)),
		hash,
		frozenAt: now,
		signatures: [],
		agreedAt: null,
		publishedAt: null,
		withdrawnAt: null,
		withdrawnReason: ''
	};
	return accept({ ...state, status: 'signing', versions: [...state.versions, version] });
}

function withdrawSigning(state: CharterState, reason: string, now: string): TransitionResult {
	const version = signingVersion(state);
	if (!version) return refuse('The charter is not being signed, so there is nothing to withdraw.');
	if (isBlank(reason)) return refuse('Say why the charter is being taken back out of signing.');
	const withdrawn = { ...version, withdrawnAt: now, withdrawnReason: reason.trim() };
	// Back to where the text can be changed: consultation for a first charter, the amendment
	// draft otherwise. The working text is the withdrawn one, ready to correct.
	const status: CharterStatus = publishedVersion(state) ? 'amending' : 'consultation';
	return accept({ ...state, status, versions: replaceLast(state.versions, withdrawn) });
}

function sign(
	state: CharterState,
	action: Extract<CharterAction, { type: 'sign' }>,
	context: TransitionContext
): TransitionResult {
	const { actor } = context;
	if (actor.kind !== 'signatory') return refuse(notAllowed('sign', actor));
	const version = signingVersion(state);
	if (!version)
		return refuse(
			state.status === 'agreed' || state.status === 'published' || state.status === 'review'
				? 'Every party has already signed this charter.'
				: 'The charter is not ready to be signed yet.'
		);
	if (actor.versionNumber !== version.number)
		return refuse(
			`This signing link is for version ${actor.versionNumber}, but version ${version.number} is the one being signed. Ask for a new link.`
		);
	const party = version.content.parties.find((p) => p.id === actor.partyId);
	if (!party) return refuse('This signing link is for a party that is not in this version.');
	if (version.signatures.some((s) => s.partyId === party.id))
		return refuse(`${party.organisation} has already signed version ${version.number}.`);
	const reasons: string[] = [];
	if (action.versionHash !== version.hash)
		reasons.push(
			'The charter text is not the one this page showed: reload the page and read it again before signing.'
		);
	if (isBlank(action.name)) reasons.push('Enter the name of the person signing.');
	if (isBlank(action.role)) reasons.push('Enter the role of the person signing.');
	if (reasons.length > 0) return refuse(...reasons);
	const signed: CharterVersion = {
		...version,
		signatures: [
			...version.signatures,
			{
				partyId: party.id,
				name: action.name.trim(),
				role: action.role.trim(),
				signedAt: context.now,
				versionHash: version.hash
			}
		]
	};
	const everyone = missingSignatures(signed).length === 0;
	const versions = replaceLast(
		state.versions,
		everyone ? { ...signed, agreedAt: context.now } : signed
	);
	return accept({ ...state, status: everyone ? 'agreed' : 'signing', versions });
}

function publish(state: CharterState, now: string): TransitionResult {
	const last = state.versions.at(-1);
	if (state.status !== 'agreed' || !last || last.agreedAt === null) {
		if (state.status === 'signing' && last)
			return refuse(
				`Every party must sign before the charter is published: still waiting for ${missingSignatures(
					last
				)
					.map((p) => p.organisation)
					.join(', ')}.`
			);
		if (state.status === 'published' || state.status === 'review')
			return refuse('This version is already published.');
		return refuse('The charter can only be published once every party has signed it.');
	}
	const published = { ...last, publishedAt: now };
	return accept({
		...state,
		status: 'published',
		versions: replaceLast(state.versions, published)
	});
}

function recordReview(
	state: CharterState,
	action: Extract<CharterAction, { type: 'recordReview' }>,
	now: string
): TransitionResult {
	const inForce = publishedVersion(state);
	if ((state.status !== 'published' && state.status !== 'review') || !inForce)
		return refuse('Progress can only be reviewed once the charter is published.');
	const reasons: string[] = [];
	const { kind, id } = action.target;
	const exists =
		kind === 'commitment'
			? inForce.content.commitments.some((c) => c.id === id)
			: inForce.content.outcomes.some((o) => o.id === id);
	if (!exists) reasons.push(`That ${kind} is not in version ${inForce.number} of the charter.`);
	if (!RAG_STATUSES.includes(action.status)) reasons.push('Choose green, amber or red.');
	if (isBlank(action.note)) reasons.push('Write a note saying what the status is based on.');
	if (isBlank(action.id) || state.reviews.some((r) => r.id === action.id))
		reasons.push('This review entry needs a new id.');
	if (reasons.length > 0) return refuse(...reasons);
	const entry: ReviewEntry = {
		id: action.id,
		target: { kind, id },
		status: action.status,
		note: action.note.trim(),
		date: now,
		version: inForce.number
	};
	return accept({ ...state, status: 'review', reviews: [...state.reviews, entry] });
}

function startAmendment(state: CharterState): TransitionResult {
	const inForce = publishedVersion(state);
	if ((state.status !== 'published' && state.status !== 'review') || !inForce)
		return refuse('Only a published charter can be amended.');
	// The amendment starts from the text in force; its signatures start from nobody.
	return accept({ ...state, status: 'amending', content: structuredClone(inForce.content) });
}

function discardAmendment(state: CharterState): TransitionResult {
	const inForce = publishedVersion(state);
	if (!inForce || (state.status !== 'amending' && state.status !== 'consultation'))
		return refuse(
			state.status === 'signing'
				? 'Withdraw the amendment from signing before discarding it.'
				: 'There is no draft amendment to discard.'
		);
	const open = openComments(state.comments).length;
	if (open > 0)
		return refuse(
			'Answer or acknowledge every comment on the amendment before discarding it, so nobody is left without a reply.'
		);
	const reviewed = state.reviews.some((r) => r.version === inForce.number);
	return accept({
		...state,
		status: reviewed ? 'review' : 'published',
		content: structuredClone(inForce.content)
	});
}

function replaceLast<T>(list: readonly T[], item: T): T[] {
	return [...list.slice(0, -1), item];
}

/** Frozen content is frozen in memory too, so an accidental write throws instead of drifting. */
function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}
