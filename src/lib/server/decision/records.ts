// Decision records on the server: every change loads the record's versions, asks the pure rules
// (src/lib/decision) whether and how it may happen, and writes the draft (or appends a
// published version) in the same IMMEDIATE transaction as its audit entry. Published versions
// are never changed: the database refuses it too.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
	markImpacts as markEqiaImpacts,
	signOff,
	writeMitigations,
	type FieldErrors,
	type MitigationEntry
} from '../../decision/eqia';
import {
	CALL_IN_STATE_LABELS,
	callInMove,
	decisionProblems,
	withDecision
} from '../../decision/members';
import {
	nextNumber,
	publishProblems,
	versionStatus,
	type Problem,
	type VersionStatus
} from '../../decision/publish';
import {
	emptyDecision,
	emptyEqia,
	optionsFromEvidence,
	type CallInStatus,
	type DecisionContent,
	type DecisionOption,
	type Eqia,
	type EqiaSignOff,
	type MembersDecision,
	type PlannedChange,
	type SummaryText
} from '../../decision/record';
import { writeSummary } from '../../decision/summary';
import * as audit from '../audit';
import * as catalogue from '../catalogue';
import { Refusal } from '../command-refusal';
import { write, type DB } from '../db/open';
import {
	decisionRecord,
	decisionScrutiny,
	decisionScrutinyAnswer,
	decisionVersion,
	user
} from '../db/schema';
import { generateToken } from '../tokens';
import { councilDay, gatherEvidence } from './evidence';

/** A change to an engagement's record: who makes it, and when (the seed and tests say). */
export interface Editing {
	db: DB;
	actor: audit.Actor;
	engagementId: number;
	now: Date;
}

/**
 * Why a change is refused, when the page does something of its own with it: `incomplete` (the
 * draft cannot be published: `whatStopsPublishing` says why). Every other refusal has its
 * English message beside each field at fault: staff pages show the English as it is, so no
 * reason needs words of its own.
 */
export type DecisionReason = 'incomplete';

/** Refuses with the rules' message for each field at fault (nothing is written). */
function refuseFields(errors: FieldErrors): never {
	const [field, message] = Object.entries(errors)[0];
	throw new Refusal<DecisionReason>(field, message, { fields: errors });
}

export interface VersionView {
	id: number;
	number: number | null;
	content: DecisionContent;
	note: string;
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
	publishedByName: string | null;
	status: VersionStatus;
}

export interface LoadedRecord {
	id: number;
	engagementId: number;
	/** Published versions oldest first, then the draft if there is one. */
	versions: VersionView[];
	draft: VersionView | null;
	/** The newest published version: the one in force. */
	current: VersionView | null;
}

/** The record of an engagement with all its versions, or undefined when none was started. */
export function getRecord(db: DB, engagementId: number): LoadedRecord | undefined {
	const record = db
		.select()
		.from(decisionRecord)
		.where(eq(decisionRecord.engagementId, engagementId))
		.get();
	if (!record) return undefined;
	const rows = db
		.select({ v: decisionVersion, publishedByName: user.name })
		.from(decisionVersion)
		.leftJoin(user, eq(user.id, decisionVersion.publishedBy))
		.where(eq(decisionVersion.recordId, record.id))
		.orderBy(sql`${decisionVersion.number} is null`, asc(decisionVersion.number))
		.all();
	const bare = rows.map((r) => ({ number: r.v.number, publishedAt: r.v.publishedAt }));
	const versions: VersionView[] = rows.map(({ v, publishedByName }) => ({
		id: v.id,
		number: v.number,
		content: JSON.parse(v.content) as DecisionContent,
		note: v.note,
		createdAt: v.createdAt,
		updatedAt: v.updatedAt,
		publishedAt: v.publishedAt,
		publishedByName,
		status: versionStatus(v, bare)
	}));
	return {
		id: record.id,
		engagementId,
		versions,
		draft: versions.find((v) => v.status === 'draft') ?? null,
		current: versions.find((v) => v.status === 'current') ?? null
	};
}

/** The version a reader is shown: the draft for staff while there is one, else the one in force. */
export function workingVersion(r: LoadedRecord): VersionView | null {
	return r.draft ?? r.current;
}

/** Dates the rules compare: the day the vote closed and today, in council time. */
export function dayContext(content: DecisionContent, now: Date) {
	return {
		voteClosedOn: content.evidence.vote
			? councilDay(new Date(content.evidence.vote.closedAt))
			: null,
		today: councilDay(now)
	};
}

/** Questions on the record that no one has answered yet. */
export function unansweredQuestions(db: DB, recordId: number): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(decisionScrutiny)
		.where(
			and(
				eq(decisionScrutiny.recordId, recordId),
				eq(decisionScrutiny.kind, 'question'),
				sql`not exists (select 1 from ${decisionScrutinyAnswer} where ${decisionScrutinyAnswer.scrutinyId} = ${decisionScrutiny.id})`
			)
		)
		.get()!.n;
}

/** What stops the draft being published now (empty when it can be). */
export function draftProblems(db: DB, r: LoadedRecord, now: Date): Problem[] {
	if (!r.draft) return [];
	return publishProblems(r.draft.content, {
		...dayContext(r.draft.content, now),
		unansweredQuestions: unansweredQuestions(db, r.id)
	});
}

/** A fresh record text from the data, keeping the options staff added before. */
function fromData(
	db: DB,
	engagementId: number,
	now: Date,
	kept: DecisionOption[]
): DecisionContent {
	const evidence = gatherEvidence(db, engagementId, now)!;
	return {
		evidence,
		options: [...optionsFromEvidence(evidence), ...kept],
		summary: writeSummary(evidence),
		recommendation: '',
		financeNote: '',
		eqia: emptyEqia(),
		decision: emptyDecision(),
		changes: []
	};
}

/**
 * Starts a draft: the engagement's first record, or a new version of a published one, either
 * afresh from the data (options staff added are kept) or as a copy of the version in force.
 */
export function startDraft(at: Editing, from: 'data' | 'published'): number {
	const { db, actor, engagementId, now } = at;
	return write(db, (tx) => {
		if (!catalogue.getEngagement(tx, engagementId))
			throw new Refusal('_', 'That engagement does not exist.');
		let record = getRecord(tx, engagementId);
		if (record?.draft)
			throw new Refusal('_', 'There is already a draft: change it, or publish it first.');
		if (from === 'published' && !record?.current)
			throw new Refusal('from', 'Nothing is published yet: start from the data.');
		const recordId =
			record?.id ??
			tx
				.insert(decisionRecord)
				.values({ engagementId, createdBy: actor.id, createdAt: now })
				.returning({ id: decisionRecord.id })
				.get().id;
		const staffOptions = record?.current?.content.options.filter((o) => o.source === 'staff') ?? [];
		const content =
			from === 'published'
				? record!.current!.content
				: fromData(tx, engagementId, now, staffOptions);
		const id = tx
			.insert(decisionVersion)
			.values({
				recordId,
				content: JSON.stringify(content),
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: decisionVersion.id })
			.get().id;
		record = getRecord(tx, engagementId)!;
		audit.record(
			tx,
			actor,
			{
				action: 'decision.draft',
				entityType: 'decision',
				entityId: recordId,
				after: { engagementId, from, basedOn: record.current?.number ?? null }
			},
			now
		);
		return id;
	});
}

interface Edit {
	content: DecisionContent;
	before: unknown;
	after: unknown;
}

/**
 * Changes the draft with `change`, which returns the new text (and what to log), or throws a
 * Refusal: then nothing is written.
 */
function editDraft(at: Editing, action: string, change: (content: DecisionContent) => Edit): void {
	const { db, actor, engagementId, now } = at;
	write(db, (tx) => {
		const record = getRecord(tx, engagementId);
		if (!record?.draft)
			throw new Refusal('_', 'There is no draft to change: start a new version first.');
		const edit = change(record.draft.content);
		tx.update(decisionVersion)
			.set({ content: JSON.stringify(edit.content), updatedAt: now })
			.where(eq(decisionVersion.id, record.draft.id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: `decision.${action}`,
				entityType: 'decision',
				entityId: record.id,
				before: edit.before,
				after: edit.after
			},
			now
		);
	});
}

export type NewOption = Pick<
	DecisionOption,
	'title' | 'titleCy' | 'kind' | 'amount' | 'description'
>;

/** Adds an option staff considered (e.g. reducing opening hours instead of closing). */
export function addOption(
	at: Editing,
	input: NewOption,
	id = `s-${generateToken().slice(0, 10)}`
): void {
	const option: DecisionOption = {
		...input,
		id,
		source: 'staff',
		countDecision: null,
		recommended: false
	};
	editDraft(at, 'option.add', (c) => ({
		content: { ...c, options: [...c.options, option] },
		before: null,
		after: option
	}));
}

/**
 * The draft without one item of a list (an option, a change), or refused: it is gone already,
 * or `keep` says it must stay.
 */
function withoutItem<K extends 'options' | 'changes'>(
	c: DecisionContent,
	list: K,
	id: string,
	keep: (item: DecisionContent[K][number]) => string | null = () => null
): Edit {
	const items = c[list] as { id: string }[];
	const item = items.find((x) => x.id === id) as DecisionContent[K][number] | undefined;
	if (!item) throw new Refusal('_', 'That is no longer listed.');
	const kept = keep(item);
	if (kept) throw new Refusal('_', kept);
	return { content: { ...c, [list]: items.filter((x) => x.id !== id) }, before: item, after: null };
}

/** Removes an option staff added; the vote's proposals are always listed. */
export function removeOption(at: Editing, optionId: string): void {
	const fromVote = (o: DecisionOption) =>
		o.source === 'vote' ? 'The vote’s proposals are always listed as options.' : null;
	editDraft(at, 'option.remove', (c) => withoutItem(c, 'options', optionId, fromVote));
}

export function saveSummary(at: Editing, summary: SummaryText): void {
	editDraft(at, 'summary.save', (c) => ({
		content: { ...c, summary },
		before: c.summary,
		after: summary
	}));
}

/** Writes the summary again from the record's evidence, throwing away the edits. */
export function rewriteSummary(at: Editing): void {
	editDraft(at, 'summary.rewrite', (c) => {
		const summary = writeSummary(c.evidence);
		return { content: { ...c, summary }, before: c.summary, after: summary };
	});
}

export function saveRecommendation(
	at: Editing,
	input: { recommended: string[]; recommendation: string; financeNote: string }
): void {
	editDraft(at, 'recommendation.save', (c) => {
		const unknown = input.recommended.filter((id) => !c.options.some((o) => o.id === id));
		if (unknown.length) throw new Refusal('recommended', 'Choose options from the list.');
		const options = c.options.map((o) => ({
			...o,
			recommended: input.recommended.includes(o.id)
		}));
		const pick = (x: DecisionContent) => ({
			recommended: x.options.filter((o) => o.recommended).map((o) => o.id),
			recommendation: x.recommendation,
			financeNote: x.financeNote
		});
		const next = {
			...c,
			options,
			recommendation: input.recommendation,
			financeNote: input.financeNote
		};
		return { content: next, before: pick(c), after: pick(next) };
	});
}

/** Records which of a proposal's groups the assessor finds adversely affected. */
export function markImpacts(at: Editing, proposalId: string, adverseGroups: string[]): void {
	editDraft(at, 'eqia.impacts', (c) => {
		const proposal = c.evidence.vote?.proposals.find((p) => p.id === proposalId);
		if (!proposal) throw new Refusal('_', 'That proposal is not in this record.');
		if (adverseGroups.some((g) => !proposal.groups.some((x) => x.group === g)))
			throw new Refusal('adverse', 'Choose groups from the list.');
		const eqia = markEqiaImpacts(c.evidence, c.eqia, proposalId, adverseGroups);
		return {
			content: { ...c, eqia },
			before: c.eqia.impacts.filter((i) => i.proposalId === proposalId),
			after: eqia.impacts.filter((i) => i.proposalId === proposalId)
		};
	});
}

export interface AssessmentInput {
	entries: MitigationEntry[];
	judgement: Eqia['judgement'];
	reasons: string;
	/** Given to sign off as well as save. */
	signOff: EqiaSignOff | null;
}

/**
 * Saves the mitigations, owners, judgement and reasons; with a sign-off, signs the assessment
 * off too, or refuses (writing nothing) with what stops it, field by field.
 */
export function saveAssessment(at: Editing, input: AssessmentInput): void {
	editDraft(at, input.signOff ? 'eqia.signOff' : 'eqia.save', (c) => {
		let eqia = writeMitigations(c.evidence, c.eqia, input.entries, input.judgement, input.reasons);
		if (input.signOff) {
			const signed = signOff(c.evidence, eqia, input.signOff, councilDay(at.now));
			if (!signed.ok) refuseFields(signed.errors);
			eqia = signed.eqia;
		}
		return { content: { ...c, eqia }, before: c.eqia, after: eqia };
	});
}

/** Records what members decided; refused (nothing written) with what is wrong, by field. */
export function saveDecision(at: Editing, decision: MembersDecision): void {
	editDraft(at, 'members.save', (c) => {
		const errors = decisionProblems(decision, dayContext(c, at.now));
		if (Object.keys(errors).length) refuseFields(errors);
		const next = withDecision(c.decision, decision);
		return { content: { ...c, decision: next }, before: c.decision, after: next };
	});
}

export function addChange(
	at: Editing,
	input: Omit<PlannedChange, 'id'>,
	id = `c-${generateToken().slice(0, 10)}`
): void {
	const change = { id, ...input };
	editDraft(at, 'change.add', (c) => ({
		content: {
			...c,
			changes: [...c.changes, change].sort((a, b) => a.when.localeCompare(b.when))
		},
		before: null,
		after: change
	}));
}

export function removeChange(at: Editing, changeId: string): void {
	editDraft(at, 'change.remove', (c) => withoutItem(c, 'changes', changeId));
}

/**
 * What stops the engagement's draft being published now, as the publish page lists it (empty
 * when it can be): a question, read again by the page after `publish` refused.
 */
export function whatStopsPublishing(db: DB, engagementId: number, now: Date): Problem[] {
	const record = getRecord(db, engagementId);
	if (!record?.draft) return [{ section: 'options', message: 'There is no draft to publish.' }];
	return draftProblems(db, record, now);
}

/**
 * Publishes the draft as the next numbered version, superseding the one in force, and returns
 * its number; refused (reason `incomplete`, nothing written) while the record is incomplete:
 * `whatStopsPublishing` lists why.
 */
export function publish(at: Editing): number {
	const { db, actor, engagementId, now } = at;
	return write(db, (tx) => {
		const record = getRecord(tx, engagementId);
		if (!record?.draft)
			throw new Refusal<DecisionReason>('_', 'There is no draft to publish.', {
				reason: 'incomplete'
			});
		if (draftProblems(tx, record, now).length)
			throw new Refusal<DecisionReason>('_', 'The record cannot be published yet.', {
				reason: 'incomplete'
			});
		const number = nextNumber(record.versions);
		tx.update(decisionVersion)
			.set({ number, publishedAt: now, publishedBy: actor.id, updatedAt: now })
			.where(and(eq(decisionVersion.id, record.draft.id), isNull(decisionVersion.publishedAt)))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'decision.publish',
				entityType: 'decision',
				entityId: record.id,
				after: { number, supersedes: record.current?.number ?? null }
			},
			now
		);
		return number;
	});
}

/**
 * Records a call-in change on the version in force, as a new published version (the old one is
 * never changed); a draft of the same decision follows it.
 */
export function moveCallIn(at: Editing, to: CallInStatus, note: string): number {
	const { db, actor, engagementId, now } = at;
	return write(db, (tx) => {
		const record = getRecord(tx, engagementId);
		const current = record?.current;
		if (!record || !current) throw new Refusal('_', 'Nothing is published yet.');
		if (current.content.decision.status !== 'decided')
			throw new Refusal('_', 'Members have not decided yet, so there is nothing to call in.');
		const moved = callInMove(current.content.decision.callIn, to, note, councilDay(now));
		if (!moved.ok) refuseFields(moved.errors);
		const content = {
			...current.content,
			decision: { ...current.content.decision, callIn: moved.callIn }
		};
		const number = nextNumber(record.versions);
		tx.insert(decisionVersion)
			.values({
				recordId: record.id,
				number,
				content: JSON.stringify(content),
				note: `${CALL_IN_STATE_LABELS[to]}${moved.callIn.note ? `: ${moved.callIn.note}` : ''}`,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now,
				publishedAt: now,
				publishedBy: actor.id
			})
			.run();
		const draft = record.draft;
		const d = draft?.content.decision;
		const c = current.content.decision;
		if (draft && d && d.status === c.status && d.date === c.date && d.minuteRef === c.minuteRef)
			tx.update(decisionVersion)
				.set({
					content: JSON.stringify({ ...draft.content, decision: { ...d, callIn: moved.callIn } }),
					updatedAt: now
				})
				.where(eq(decisionVersion.id, draft.id))
				.run();
		audit.record(
			tx,
			actor,
			{
				action: 'decision.callIn',
				entityType: 'decision',
				entityId: record.id,
				before: c.callIn,
				after: { ...moved.callIn, number }
			},
			now
		);
		return number;
	});
}
