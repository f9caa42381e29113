/**
 * Building and running surveys (staff): create, edit, custom questions, open and close,
 * publish the results. Every change is one transaction with its audit entry; a change the
 * person can fix is refused with a {@link Refusal} by its form field, inside the transaction.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { AGE_BANDS } from '../../catalogue/schemas';
import { showIfProblems } from '../../survey/show-if';
import { surveyState, type SurveyState } from '../../survey/status';
import type { CustomQuestion, ProfileChoice, SurveyDefinition } from '../../survey/template';
import type { WeightingMode } from '../../survey/representativeness';
import * as audit from '../audit';
import * as catalogue from '../catalogue';
import { write, type DB } from '../db/open';
import { engagement, service, survey, surveyResponse } from '../db/schema';
import { Refusal } from '../command-refusal';

export type Access = 'open' | 'code' | 'both';

/** A survey row with its definition parsed. */
export type Survey = Omit<typeof survey.$inferSelect, 'definition'> & {
	definition: SurveyDefinition;
};

/** What the builder form sets. */
export interface SurveyDetails {
	title: string;
	titleCy?: string | null;
	description: string;
	descriptionCy?: string | null;
	serviceIds: string[];
	access: Access;
	opensAt: Date | null;
	closesAt: Date | null;
}

const AGE_BAND_LABELS: Record<string, { en: string; cy: string }> = Object.fromEntries(
	AGE_BANDS.map((band) => {
		const [from, to] = band.split('-');
		return [
			band,
			to
				? { en: `${from} to ${to}`, cy: `${from} i ${to}` }
				: { en: `${from.replace('+', '')} or over`, cy: `${from.replace('+', '')} neu hŷn` }
		];
	})
);

/** The profile questions' choices as the catalogue has them now (areas, age bands, segments). */
export function profileFromCatalogue(
	db: DB
): Pick<SurveyDefinition, 'areas' | 'ageBands' | 'segments'> {
	const areas: ProfileChoice[] = catalogue
		.listAreas(db)
		.map((a) => ({ id: a.id, label: { en: a.name, cy: a.nameCy ?? '' } }));
	const ageBands: ProfileChoice[] = AGE_BANDS.map((id) => ({ id, label: AGE_BAND_LABELS[id] }));
	const segments = catalogue.listSegments(db).map((s) => ({
		id: s.id,
		label: { en: s.label, cy: s.labelCy ?? '' },
		specialCategory: s.specialCategory
	}));
	return { areas, ageBands, segments };
}

function parse(row: typeof survey.$inferSelect): Survey {
	return { ...row, definition: JSON.parse(row.definition) as SurveyDefinition };
}

export function getSurvey(db: DB, id: number): Survey | undefined {
	const row = db.select().from(survey).where(eq(survey.id, id)).get();
	return row ? parse(row) : undefined;
}

/** Submitted responses. */
export function responseCount(db: DB, surveyId: number): number {
	return db
		.select({ n: count() })
		.from(surveyResponse)
		.where(eq(surveyResponse.surveyId, surveyId))
		.get()!.n;
}

/** Once a response is in, the standard block, the profile and existing custom questions are fixed. */
export function isFrozen(db: DB, surveyId: number): boolean {
	return responseCount(db, surveyId) > 0;
}

export interface SurveySummary {
	id: number;
	engagementId: number;
	engagementTitle: string;
	title: string;
	status: Survey['status'];
	state: SurveyState;
	opensAt: Date | null;
	closesAt: Date | null;
	access: Access;
	publishedAt: Date | null;
	responses: number;
}

/** Surveys (of one engagement, or all), newest last, with their response counts. */
export function listSurveys(db: DB, now: Date, engagementId?: number): SurveySummary[] {
	const counts = new Map(
		db
			.select({ surveyId: surveyResponse.surveyId, n: count() })
			.from(surveyResponse)
			.groupBy(surveyResponse.surveyId)
			.all()
			.map((r) => [r.surveyId, r.n])
	);
	return db
		.select({
			id: survey.id,
			engagementId: survey.engagementId,
			engagementTitle: engagement.title,
			title: survey.title,
			status: survey.status,
			opensAt: survey.opensAt,
			closesAt: survey.closesAt,
			access: survey.access,
			publishedAt: survey.publishedAt
		})
		.from(survey)
		.innerJoin(engagement, eq(engagement.id, survey.engagementId))
		.where(engagementId === undefined ? undefined : eq(survey.engagementId, engagementId))
		.orderBy(asc(survey.id))
		.all()
		.map((r) => ({ ...r, state: surveyState(r, now), responses: counts.get(r.id) ?? 0 }));
}

function checkServices(tx: DB, serviceIds: readonly string[]): void {
	if (serviceIds.length === 0) return;
	const found = tx
		.select({ id: service.id })
		.from(service)
		.where(and(inArray(service.id, [...serviceIds]), eq(service.archived, false)))
		.all();
	if (found.length !== new Set(serviceIds).size)
		throw new Refusal('serviceIds', 'Choose services from the list.');
}

function checkDefinition(definition: SurveyDefinition, field: string): void {
	const problems = showIfProblems(definition);
	if (problems.length > 0) {
		const which = problems[0].questionId.replace(/^custom:/, '');
		throw new Refusal(field, `Question ${which}: ${problems[0].message}`);
	}
}

function detailColumns(details: SurveyDetails) {
	return {
		title: details.title,
		titleCy: details.titleCy || null,
		description: details.description,
		descriptionCy: details.descriptionCy || null,
		access: details.access,
		opensAt: details.opensAt,
		closesAt: details.closesAt
	};
}

/** A new draft survey for an engagement, with the standard block for each chosen service. */
export function createSurvey(
	db: DB,
	actor: audit.Actor,
	engagementId: number,
	details: SurveyDetails,
	now = new Date()
): number {
	return write(db, (tx) => {
		if (
			!tx
				.select({ id: engagement.id })
				.from(engagement)
				.where(eq(engagement.id, engagementId))
				.get()
		)
			throw new Refusal('engagementId', 'That engagement no longer exists.');
		checkServices(tx, details.serviceIds);
		const definition: SurveyDefinition = {
			serviceIds: [...details.serviceIds],
			customQuestions: [],
			...profileFromCatalogue(tx)
		};
		const row = tx
			.insert(survey)
			.values({
				engagementId,
				...detailColumns(details),
				definition: JSON.stringify(definition),
				status: 'draft',
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: survey.id })
			.get();
		audit.record(
			tx,
			actor,
			{ action: 'survey.create', entityType: 'survey', entityId: row.id, after: details },
			now
		);
		return row.id;
	});
}

function mustGet(tx: DB, id: number): Survey {
	const found = getSurvey(tx, id);
	if (!found) throw new Refusal('_', 'That survey no longer exists.');
	return found;
}

function saveDefinition(
	tx: DB,
	actor: audit.Actor,
	before: Survey,
	definition: SurveyDefinition,
	action: string,
	after: unknown,
	now: Date,
	extra: Partial<typeof survey.$inferInsert> = {}
): void {
	tx.update(survey)
		.set({ definition: JSON.stringify(definition), updatedAt: now, ...extra })
		.where(eq(survey.id, before.id))
		.run();
	audit.record(tx, actor, { action, entityType: 'survey', entityId: before.id, after }, now);
}

/**
 * Changes the title, wording, access, dates and services. With responses in, the services
 * cannot change (results must stay comparable); without, the profile is refreshed from the
 * catalogue too.
 */
export function updateSurvey(
	db: DB,
	actor: audit.Actor,
	id: number,
	details: SurveyDetails,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = mustGet(tx, id);
		let definition = before.definition;
		const servicesChanged =
			details.serviceIds.length !== definition.serviceIds.length ||
			details.serviceIds.some((s, i) => definition.serviceIds[i] !== s);
		if (isFrozen(tx, id)) {
			if (servicesChanged)
				throw new Refusal(
					'serviceIds',
					'This survey has responses, so its services cannot change. Start a new survey to ask about other services.'
				);
		} else {
			checkServices(tx, details.serviceIds);
			definition = {
				...definition,
				serviceIds: [...details.serviceIds],
				...profileFromCatalogue(tx)
			};
			checkDefinition(definition, 'serviceIds');
		}
		tx.update(survey)
			.set({ ...detailColumns(details), definition: JSON.stringify(definition), updatedAt: now })
			.where(eq(survey.id, id))
			.run();
		const { definition: beforeDefinition, ...beforeRest } = before;
		audit.record(
			tx,
			actor,
			{
				action: 'survey.update',
				entityType: 'survey',
				entityId: id,
				before: { ...beforeRest, serviceIds: beforeDefinition.serviceIds },
				after: details
			},
			now
		);
	});
}

/**
 * Sets the day a survey's special-category answers are deleted (retention.ts sweeps them). It
 * must be after today and not before the survey closes: until then the answers are still being
 * given and analysed.
 */
export function setRetention(
	db: DB,
	actor: audit.Actor,
	id: number,
	until: Date,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = mustGet(tx, id);
		if (until.getTime() <= now.getTime())
			throw new Refusal('specialCategoryUntil', 'Choose a date after today.');
		if (before.closesAt && until.getTime() < before.closesAt.getTime())
			throw new Refusal(
				'specialCategoryUntil',
				'Choose a date on or after the day the survey closes.'
			);
		tx.update(survey)
			.set({ specialCategoryUntil: until, updatedAt: now })
			.where(eq(survey.id, id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'survey.retention.set',
				entityType: 'survey',
				entityId: id,
				before: { specialCategoryUntil: before.specialCategoryUntil },
				after: { specialCategoryUntil: until }
			},
			now
		);
	});
}

/** The id the next custom question of this survey will get. */
export function nextQuestionId(s: Pick<Survey, 'nextQuestion'>): string {
	return `q${s.nextQuestion}`;
}

/** Adds a custom question at the end (allowed after responses: earlier respondents just did not see it). */
export function addQuestion(
	db: DB,
	actor: audit.Actor,
	surveyId: number,
	question: CustomQuestion,
	now = new Date()
): string {
	return write(db, (tx) => {
		const before = mustGet(tx, surveyId);
		const added = { ...question, id: nextQuestionId(before) };
		const definition = {
			...before.definition,
			customQuestions: [...before.definition.customQuestions, added]
		};
		checkDefinition(definition, 'showIf');
		saveDefinition(tx, actor, before, definition, 'survey.question.add', added, now, {
			nextQuestion: before.nextQuestion + 1
		});
		return added.id;
	});
}

function unfrozen(tx: DB, id: number): void {
	if (isFrozen(tx, id))
		throw new Refusal(
			'_',
			'This survey has responses, so its existing questions cannot change. You can still add new ones.'
		);
}

function indexOfQuestion(s: Survey, questionId: string): number {
	const i = s.definition.customQuestions.findIndex((q) => q.id === questionId);
	if (i < 0) throw new Refusal('_', 'That question is no longer in the survey.');
	return i;
}

export function updateQuestion(
	db: DB,
	actor: audit.Actor,
	surveyId: number,
	question: CustomQuestion,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = mustGet(tx, surveyId);
		unfrozen(tx, surveyId);
		const i = indexOfQuestion(before, question.id);
		const customQuestions = [...before.definition.customQuestions];
		customQuestions[i] = question;
		const definition = { ...before.definition, customQuestions };
		checkDefinition(definition, 'showIf');
		saveDefinition(tx, actor, before, definition, 'survey.question.update', question, now);
	});
}

export function removeQuestion(
	db: DB,
	actor: audit.Actor,
	surveyId: number,
	questionId: string,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = mustGet(tx, surveyId);
		unfrozen(tx, surveyId);
		const i = indexOfQuestion(before, questionId);
		const dependent = before.definition.customQuestions.find(
			(q) => q.showIf?.questionId === `custom:${questionId}`
		);
		if (dependent)
			throw new Refusal(
				'_',
				`Question ${dependent.id} is shown depending on the answer to ${questionId}: change or remove ${dependent.id} first.`
			);
		const removed = before.definition.customQuestions[i];
		const definition = {
			...before.definition,
			customQuestions: before.definition.customQuestions.filter((q) => q.id !== questionId)
		};
		saveDefinition(tx, actor, before, definition, 'survey.question.remove', removed, now);
	});
}

export function moveQuestion(
	db: DB,
	actor: audit.Actor,
	surveyId: number,
	questionId: string,
	direction: 'up' | 'down',
	now = new Date()
): void {
	write(db, (tx) => {
		const before = mustGet(tx, surveyId);
		unfrozen(tx, surveyId);
		const i = indexOfQuestion(before, questionId);
		const j = direction === 'up' ? i - 1 : i + 1;
		const customQuestions = [...before.definition.customQuestions];
		if (j < 0 || j >= customQuestions.length) return;
		[customQuestions[i], customQuestions[j]] = [customQuestions[j], customQuestions[i]];
		const definition = { ...before.definition, customQuestions };
		checkDefinition(definition, '_');
		saveDefinition(
			tx,
			actor,
			before,
			definition,
			'survey.question.move',
			{ questionId, direction },
			now
		);
	});
}

function setStatus(
	db: DB,
	actor: audit.Actor,
	id: number,
	status: 'open' | 'closed',
	now: Date
): void {
	write(db, (tx) => {
		const before = mustGet(tx, id);
		let definition = before.definition;
		if (status === 'open') {
			if (definition.serviceIds.length === 0)
				throw new Refusal('serviceIds', 'Choose at least one service before opening the survey.');
			if (!isFrozen(tx, id)) definition = { ...definition, ...profileFromCatalogue(tx) };
			checkDefinition(definition, '_');
		}
		tx.update(survey)
			.set({ status, definition: JSON.stringify(definition), updatedAt: now })
			.where(eq(survey.id, id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: `survey.${status === 'open' ? 'open' : 'close'}`,
				entityType: 'survey',
				entityId: id,
				before: { status: before.status },
				after: { status }
			},
			now
		);
	});
}

/** Opens the survey to residents (from its opening date, if it has one). */
export function openSurvey(db: DB, actor: audit.Actor, id: number, now = new Date()): void {
	setStatus(db, actor, id, 'open', now);
}

/** Stops taking answers now, whatever the closing date says. */
export function closeSurvey(db: DB, actor: audit.Actor, id: number, now = new Date()): void {
	setStatus(db, actor, id, 'closed', now);
}

/** Publishes the public summary (suppressed cells, chosen weighting), or takes it down. */
export function setPublished(
	db: DB,
	actor: audit.Actor,
	id: number,
	publish: { weighting: WeightingMode } | null,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = mustGet(tx, id);
		const values = publish
			? { publishedAt: now, publishedWeighting: publish.weighting }
			: { publishedAt: null };
		tx.update(survey)
			.set({ ...values, updatedAt: now })
			.where(eq(survey.id, id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: publish ? 'survey.publish' : 'survey.unpublish',
				entityType: 'survey',
				entityId: id,
				before: { publishedAt: before.publishedAt, weighting: before.publishedWeighting },
				after: publish ?? { publishedAt: null }
			},
			now
		);
	});
}
