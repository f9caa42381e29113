// "You said, we did": what residents see of an engagement once they have had their say. Every
// activity with its dates and results (closed ones too, not only what is open), what residents
// said, what members decided in the published decision record, what changes and when, and the
// charter that holds everyone to it. Published figures only: nothing from a draft.
import { eq, isNotNull } from 'drizzle-orm';
import { reviewBoard } from '../../charter/review';
import { publishedVersion } from '../../charter/state';
import type { Evidence } from '../../decision/evidence';
import { callInState, type CallInState } from '../../decision/members';
import type { MembersDecision, PlannedChange } from '../../decision/record';
import * as votes from '../budget/votes';
import * as catalogue from '../catalogue';
import * as charters from '../charter/charters';
import type { DB } from '../db/open';
import { decisionRecord, decisionVersion, engagement } from '../db/schema';
import * as labs from '../lab/labs';
import * as surveys from '../survey/surveys';
import { councilDay, gatherEvidence } from './evidence';
import { getRecord } from './records';

export interface PublicActivity {
	kind: 'survey' | 'lab' | 'vote' | 'charter';
	title: string;
	titleCy: string;
	/** Open to take part in now, or finished. */
	state: 'open' | 'closed';
	opensAt: Date | null;
	closesAt: Date | null;
	/** Responses, ballots or ideas (null for a charter). */
	taking: number | null;
	/** Lab participants. */
	people: number | null;
	/** Where to take part while open. */
	href: string | null;
	/** Where its results are once closed (or the charter to read). */
	resultsHref: string | null;
}

export interface PublicDecision {
	number: number;
	publishedAt: Date;
	supersedes: number | null;
	decision: MembersDecision;
	callIn: CallInState;
	changes: PlannedChange[];
}

export interface YouSaidWeDid {
	engagement: {
		id: number;
		title: string;
		titleCy: string;
		serviceName: string;
		serviceNameCy: string;
	};
	activities: PublicActivity[];
	/** What residents said: from the published record, or from the data while there is none. */
	evidence: Evidence;
	decision: PublicDecision | null;
	charter: {
		slug: string;
		title: string;
		commitments: number;
		green: number;
		amber: number;
		red: number;
		notReviewed: number;
	} | null;
}

function activitiesOf(db: DB, engagementId: number, now: Date): PublicActivity[] {
	const found: PublicActivity[] = [];
	for (const s of surveys.listSurveys(db, now, engagementId)) {
		if (s.state !== 'open' && s.state !== 'closed') continue;
		found.push({
			kind: 'survey',
			title: s.title,
			titleCy: surveys.getSurvey(db, s.id)?.titleCy ?? '',
			state: s.state,
			opensAt: s.opensAt,
			closesAt: s.closesAt,
			taking: s.responses,
			people: null,
			href: s.state === 'open' ? `/survey/${s.id}` : null,
			resultsHref: s.state === 'closed' && s.publishedAt ? `/survey/${s.id}/results` : null
		});
	}
	for (const l of [...labs.listLabs(db, engagementId)].reverse()) {
		if (l.ideas === 0) continue;
		found.push({
			kind: 'lab',
			title: l.title,
			titleCy: '',
			state: l.phase === 'closed' ? 'closed' : 'open',
			opensAt: l.createdAt,
			closesAt: null,
			taking: l.ideas,
			people: l.participants,
			href: null,
			resultsHref: null
		});
	}
	for (const v of [...votes.listVotes(db, engagementId)].reverse()) {
		const state = votes.stateOf(v, now);
		if (state !== 'open' && state !== 'closed') continue;
		found.push({
			kind: 'vote',
			title: v.title,
			titleCy: v.titleCy ?? '',
			state,
			opensAt: v.opensAt,
			closesAt: v.closesAt,
			taking: v.ballots,
			people: null,
			href: state === 'open' ? `/vote/${v.id}` : null,
			resultsHref: state === 'closed' ? `/vote/${v.id}/results` : null
		});
	}
	return found;
}

function charterOf(db: DB, engagementId: number): YouSaidWeDid['charter'] {
	for (const c of charters.listCharters(db, engagementId)) {
		const loaded = charters.getCharter(db, c.id);
		const inForce = loaded ? publishedVersion(loaded.state) : null;
		if (!loaded || !inForce) continue;
		const board = reviewBoard(inForce.content, loaded.state.reviews);
		return {
			slug: c.slug,
			title: inForce.content.title,
			commitments: inForce.content.commitments.length,
			...board.counts
		};
	}
	return null;
}

/** The public page of an engagement, or undefined when it does not exist. */
export function youSaidWeDid(
	db: DB,
	engagementId: number,
	now = new Date()
): YouSaidWeDid | undefined {
	const e = catalogue.getEngagement(db, engagementId);
	if (!e) return undefined;
	const record = getRecord(db, engagementId);
	const current = record?.current;
	const previous = record?.versions.filter((v) => v.status === 'superseded').at(-1);
	return {
		engagement: {
			id: e.id,
			title: e.title,
			titleCy: e.titleCy ?? '',
			serviceName: e.serviceName,
			serviceNameCy: catalogue.getService(db, e.serviceId)?.nameCy ?? ''
		},
		activities: activitiesOf(db, engagementId, now),
		evidence: current?.content.evidence ?? gatherEvidence(db, engagementId, now)!,
		decision:
			current && current.number !== null && current.publishedAt
				? {
						number: current.number,
						publishedAt: current.publishedAt,
						supersedes: previous?.number ?? null,
						decision: current.content.decision,
						callIn: callInState(current.content.decision.callIn, councilDay(now)),
						changes: current.content.changes
					}
				: null,
		charter: charterOf(db, engagementId)
	};
}

/** Engagements with a published decision record, for the home page. */
export function listDecided(db: DB): { id: number; title: string }[] {
	return db
		.selectDistinct({ id: engagement.id, title: engagement.title })
		.from(engagement)
		.innerJoin(decisionRecord, eq(decisionRecord.engagementId, engagement.id))
		.innerJoin(decisionVersion, eq(decisionVersion.recordId, decisionRecord.id))
		.where(isNotNull(decisionVersion.publishedAt))
		.orderBy(engagement.id)
		.all();
}
