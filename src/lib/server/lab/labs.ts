/**
 * Labs as the facilitator runs them: creating one, listing them, and moving the session on
 * (phase, pause, countdown). Every change is audit-logged in its own transaction and then
 * sent to the screens as a fresh snapshot. A change the lab does not allow now throws a
 * {@link Refusal} inside the transaction (staff pages show its English message).
 */
import { randomInt } from 'node:crypto';
import { desc, eq, ne, sql } from 'drizzle-orm';
import { startCountdown as countdownFrom } from '../../lab/countdown';
import type { IdeaKind } from '../../lab/ideas';
import { generateJoinCode } from '../../lab/join-code';
import {
	canDo,
	changePhase as nextSession,
	PHASE_LABELS,
	setPaused,
	type Phase,
	type Session
} from '../../lab/phases';
import type { Verdict } from '../../lab/verdict';
import type { Prompt } from '../../lab/view';
import * as audit from '../audit';
import { Refusal } from '../command-refusal';
import { write, type DB } from '../db/open';
import { engagement, lab, labIdea, labParticipant } from '../db/schema';
import { bumpVersion, getLab, publishSnapshot, toLab, type LabRecord } from './board';

export interface NewLab {
	engagementId: number;
	serviceId: string;
	title: string;
	titleCy?: string | null;
	prompts: string[];
	/** The Welsh of each prompt, in the same order ('' or missing: none yet). */
	promptsCy?: string[];
	kinds: IdeaKind[];
	dotsPerParticipant: number;
	maxDotsPerIdea: number;
	rolesEnabled: boolean;
	/** A fixed join code (the demo seed); normally one is drawn at random. */
	joinCode?: string;
}

/**
 * Creates a lab in the ideas phase with a join code no other lab has, and returns its id.
 * @param random a uniform integer in [0, max): the platform CSPRNG unless a test injects one
 */
export function createLab(
	db: DB,
	actor: audit.Actor,
	input: NewLab,
	now = new Date(),
	random: (max: number) => number = randomInt
): number {
	return write(db, (tx) => {
		let joinCode = input.joinCode ?? generateJoinCode(random);
		// 34 million codes: a clash is rare, but the unique index would abort the insert.
		while (tx.select({ id: lab.id }).from(lab).where(eq(lab.joinCode, joinCode)).get()) {
			if (input.joinCode) throw new Error(`Join code ${joinCode} is already in use`);
			joinCode = generateJoinCode(random);
		}
		const prompts = withWelsh(
			input.prompts.map((text, i) => ({ id: `p${i + 1}`, text })),
			input.promptsCy ?? []
		);
		const row = tx
			.insert(lab)
			.values({
				engagementId: input.engagementId,
				serviceId: input.serviceId,
				title: input.title,
				titleCy: input.titleCy || null,
				joinCode,
				prompts: JSON.stringify(prompts),
				kinds: JSON.stringify(input.kinds),
				dotsPerParticipant: input.dotsPerParticipant,
				maxDotsPerIdea: input.maxDotsPerIdea,
				rolesEnabled: input.rolesEnabled,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'lab.create',
				entityType: 'lab',
				entityId: row.id,
				after: { ...input, joinCode, prompts }
			},
			now
		);
		return row.id;
	});
}

/** The prompts with the Welsh lines beside them, in order; a blank line leaves a prompt without. */
function withWelsh(prompts: readonly Prompt[], welsh: readonly string[]): Prompt[] {
	return prompts.map(({ id, text }, i) =>
		welsh[i] ? { id, text, textCy: welsh[i] } : { id, text }
	);
}

/**
 * Sets the Welsh of a lab's title and prompts (staff add it once a translation comes back,
 * often after the lab has started): audited, and sent to every phone and screen at once.
 */
export function saveWelsh(
	db: DB,
	actor: audit.Actor,
	labId: number,
	welsh: { titleCy: string | null; promptsCy: string[] },
	now = new Date()
): void {
	changeLab(db, actor, labId, 'lab.welsh', now, (record) => {
		if (welsh.promptsCy.length > record.prompts.length)
			throw new Refusal(
				'promptsCy',
				'Give the Welsh prompts line for line with the English ones, no more.'
			);
		const prompts = withWelsh(record.prompts, welsh.promptsCy);
		return {
			set: { titleCy: welsh.titleCy, prompts: JSON.stringify(prompts) },
			before: { titleCy: record.titleCy, prompts: record.prompts },
			after: { titleCy: welsh.titleCy, prompts }
		};
	});
}

export interface LabSummary {
	id: number;
	engagementId: number;
	engagementTitle: string;
	title: string;
	joinCode: string;
	phase: Phase;
	paused: boolean;
	ideas: number;
	participants: number;
	createdAt: Date;
}

/** Labs, newest first, with their idea and participant counts; one engagement's if given. */
export function listLabs(db: DB, engagementId?: number): LabSummary[] {
	return db
		.select({
			id: lab.id,
			engagementId: lab.engagementId,
			engagementTitle: engagement.title,
			title: lab.title,
			joinCode: lab.joinCode,
			phase: lab.phase,
			paused: lab.paused,
			ideas: sql<number>`(select count(*) from ${labIdea} where ${labIdea.labId} = ${lab.id})`,
			participants: sql<number>`(select count(*) from ${labParticipant} where ${labParticipant.labId} = ${lab.id})`,
			createdAt: lab.createdAt
		})
		.from(lab)
		.innerJoin(engagement, eq(engagement.id, lab.engagementId))
		.where(engagementId === undefined ? undefined : eq(lab.engagementId, engagementId))
		.orderBy(desc(lab.id))
		.all();
}

/** Labs people can still take part in (not closed), for the resident home page. */
export function listOpenLabs(db: DB): LabRecord[] {
	return db
		.select()
		.from(lab)
		.where(ne(lab.phase, 'closed'))
		.orderBy(desc(lab.id))
		.all()
		.map(toLab);
}

/** Labs that have finished, for the resident home page's list of results. */
export function listClosedLabs(db: DB): LabRecord[] {
	return db
		.select()
		.from(lab)
		.where(eq(lab.phase, 'closed'))
		.orderBy(desc(lab.id))
		.all()
		.map(toLab);
}

/** A change to a lab's row: what to set, and what the audit entry records before and after. */
interface LabChange {
	set: Partial<typeof lab.$inferInsert>;
	before: unknown;
	after: unknown;
}

/** Throws the refusal of a rule's verdict (phases.ts), for the whole form. */
function check(verdict: Verdict): void {
	if (!verdict.ok) throw new Refusal('_', verdict.reason);
}

/**
 * Runs one facilitator change to a lab: checks it against the lab as it is inside the
 * transaction, stores it, moves the version on and audits it; then sends the snapshot.
 * `change` returns what to store, or throws a {@link Refusal} (nothing is stored or sent).
 */
function changeLab(
	db: DB,
	actor: audit.Actor,
	labId: number,
	action: string,
	now: Date,
	change: (record: LabRecord) => LabChange
): void {
	write(db, (tx) => {
		const record = getLab(tx, labId);
		if (!record) throw new Refusal('_', 'That lab no longer exists.');
		const next = change(record);
		tx.update(lab).set(next.set).where(eq(lab.id, labId)).run();
		bumpVersion(tx, labId, now);
		audit.record(
			tx,
			actor,
			{ action, entityType: 'lab', entityId: labId, before: next.before, after: next.after },
			now
		);
	});
	publishSnapshot(db, labId);
}

/** A change to the session (phase, pause, countdown): `change` gives the new session or throws. */
function changeSession(
	db: DB,
	actor: audit.Actor,
	labId: number,
	action: string,
	now: Date,
	change: (session: Session) => Session
): void {
	changeLab(db, actor, labId, action, now, (record) => {
		const session = change(record.session);
		return {
			set: {
				phase: session.phase,
				paused: session.paused,
				countdownEndsAt:
					session.countdown === null ? null : new Date(Number(session.countdown.endsAt))
			},
			before: record.session,
			after: session
		};
	});
}

/** Moves the lab to another phase: forward any number, back one (phases.ts). */
export function changePhase(
	db: DB,
	actor: audit.Actor,
	labId: number,
	to: Phase,
	now = new Date()
): void {
	changeSession(db, actor, labId, 'lab.phase', now, (session) => {
		check(canDo(session.phase, session.paused, 'changePhase', 'facilitator'));
		const next = nextSession(session, to);
		if (!next.ok) throw new Refusal('_', next.reason);
		return next.value;
	});
}

/** Pauses (or resumes) posting and dots from phones. */
export function pause(
	db: DB,
	actor: audit.Actor,
	labId: number,
	paused: boolean,
	now = new Date()
): void {
	changeSession(db, actor, labId, paused ? 'lab.pause' : 'lab.resume', now, (session) => {
		check(canDo(session.phase, session.paused, paused ? 'pause' : 'resume', 'facilitator'));
		return setPaused(session, paused);
	});
}

/** Starts (or restarts) an advisory countdown of `minutes` on the screens. */
export function startCountdown(
	db: DB,
	actor: audit.Actor,
	labId: number,
	minutes: number,
	now = new Date()
): void {
	changeSession(db, actor, labId, 'lab.countdown.start', now, (session) => {
		check(canDo(session.phase, session.paused, 'startCountdown', 'facilitator'));
		return { ...session, countdown: countdownFrom(minutes, now.getTime()) };
	});
}

export function stopCountdown(db: DB, actor: audit.Actor, labId: number, now = new Date()): void {
	changeSession(db, actor, labId, 'lab.countdown.stop', now, (session) => {
		check(canDo(session.phase, session.paused, 'stopCountdown', 'facilitator'));
		if (!session.countdown) throw new Refusal('_', 'There is no countdown running.');
		return { ...session, countdown: null };
	});
}

/** A phase's name as staff pages show it ("grouping", "voting"). */
export function phaseLabel(phase: Phase): string {
	return PHASE_LABELS[phase];
}
