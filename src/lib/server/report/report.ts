/**
 * The engagement report: the whole story of one engagement, from every tool, for commissioners
 * and councillors. Everything here is the published view: cells under 10 are suppressed, no
 * person-level data, no codes or names of residents.
 */
import { reviewBoard, type ReviewBoard } from '../../charter/review';
import { publishedVersion } from '../../charter/state';
import type { CharterContent } from '../../charter/charter';
import type { CountResult, GroupFinding } from '../../budget/types';
import { nameGroup } from '../../vote/export';
import {
	rankPriorities,
	type Priority,
	type ServicePriority,
	type VoteDecision
} from '../../report/priorities';
import { turnout, voteSummary, type Turnout, type VoteSummary } from '../../report/summary';
import { publishedAnalysis, type SurveyAnalysis } from '../../survey/analyse';
import * as catalogue from '../catalogue';
import * as charters from '../charter/charters';
import type { DB } from '../db/open';
import * as labBoard from '../lab/board';
import * as labs from '../lab/labs';
import * as labProposals from '../lab/proposals';
import * as results from '../budget/results';
import * as votes from '../budget/votes';
import * as surveyResults from '../survey/results';
import * as surveys from '../survey/surveys';

export interface SurveySection {
	id: number;
	title: string;
	status: string;
	analysis: SurveyAnalysis;
	names: surveyResults.Names;
}

export interface LabSection {
	id: number;
	title: string;
	phase: string;
	ideas: number;
	participants: number;
	shortlist: { label: string; dots: number; proposals: string[] }[];
}

export interface VoteSection {
	id: number;
	title: string;
	status: string;
	result: CountResult;
	services: Record<string, string>;
	/** Proposal id -> service name. */
	serviceOf: Record<string, string>;
	/** Segment id -> label, to name groups (vote/export.ts `nameGroup`). */
	segments: Map<string, string>;
	officialDigest: string | null;
}

export interface CharterSection {
	id: number;
	slug: string;
	title: string;
	status: string;
	version: number | null;
	content: CharterContent;
	review: ReviewBoard;
}

export interface EngagementReport {
	engagement: NonNullable<ReturnType<typeof catalogue.getEngagement>>;
	survey: SurveySection | null;
	labs: LabSection[];
	vote: VoteSection | null;
	charter: CharterSection | null;
	priorities: Priority[];
	/** The report's first page: the vote in a sentence, the money, protection, turnout. */
	summary: { vote: VoteSummary; turnout: Turnout } | null;
}

/** The survey to report: the one with the most responses (closed ones first). */
function surveySection(db: DB, engagementId: number): SurveySection | null {
	const list = surveys.listSurveys(db, new Date(), engagementId).filter((s) => s.responses > 0);
	list.sort(
		(a, b) =>
			Number(b.status === 'closed') - Number(a.status === 'closed') || b.responses - a.responses
	);
	const chosen = list[0] ? surveys.getSurvey(db, list[0].id) : undefined;
	if (!chosen) return null;
	const { analysis, names } = surveyResults.analyse(db, chosen);
	return {
		id: chosen.id,
		title: chosen.title,
		status: list[0].status,
		analysis: publishedAnalysis(analysis),
		names
	};
}

function labSections(db: DB, engagementId: number): LabSection[] {
	return labs.listLabs(db, engagementId).flatMap((summary) => {
		const loaded = labBoard.loadBoard(db, summary.id);
		if (!loaded) return [];
		const shortlist = labProposals.shortlistOf(
			loaded,
			labProposals.listLabProposals(db, summary.id)
		);
		return [
			{
				id: summary.id,
				title: summary.title,
				phase: summary.phase,
				ideas: summary.ideas,
				participants: summary.participants,
				shortlist: shortlist.map((entry) => ({
					label: entry.ranked?.label ?? entry.draft?.title ?? `${entry.item.type} ${entry.item.id}`,
					dots: entry.ranked?.dots ?? 0,
					proposals: entry.proposals.map((p) => p.title)
				}))
			}
		];
	});
}

/** The vote to report: the closed one with ballots (else the one with most ballots). */
function voteSection(db: DB, engagementId: number): VoteSection | null {
	const list = votes.listVotes(db, engagementId).filter((v) => v.ballots > 0);
	list.sort(
		(a, b) => Number(b.status === 'closed') - Number(a.status === 'closed') || b.ballots - a.ballots
	);
	const chosen = list[0];
	if (!chosen) return null;
	const services = Object.fromEntries(catalogue.listServices(db, true).map((s) => [s.id, s.name]));
	const serviceOf = Object.fromEntries(
		results.countProposals(db, chosen.id).map((p) => [p.id, services[p.service] ?? p.service])
	);
	return {
		id: chosen.id,
		title: chosen.title,
		status: chosen.status,
		result: results.countVote(db, chosen.id),
		services,
		serviceOf,
		segments: new Map(catalogue.listSegments(db).map((s) => [s.id, s.label])),
		officialDigest: results.officialResult(db, chosen.id)?.digest ?? null
	};
}

/** The charter to report: the one in force (published or in review), else the newest. */
function charterSection(db: DB, engagementId: number): CharterSection | null {
	const list = charters.listCharters(db, engagementId);
	const chosen = list.find((c) => c.status === 'review' || c.status === 'published') ?? list[0];
	const loaded = chosen ? charters.getCharter(db, chosen.id) : undefined;
	if (!chosen || !loaded) return null;
	const inForce = publishedVersion(loaded.state);
	const content = inForce?.content ?? loaded.state.content;
	return {
		id: chosen.id,
		slug: chosen.slug,
		title: chosen.title,
		status: chosen.status,
		version: inForce?.number ?? null,
		content,
		review: reviewBoard(content, loaded.state.reviews)
	};
}

export function voteDecisions(vote: VoteSection | null): VoteDecision[] {
	if (!vote) return [];
	const selected = vote.result.selected;
	const membership = vote.result.rules.protection.membership;
	const named = (f: GroupFinding) => ({
		...f,
		label: nameGroup(f.group, vote.segments, membership)
	});
	const override = vote.result.overrideOrder.map((e) => e.id);
	return vote.result.proposals.map((p) => ({
		id: p.id,
		title: p.title,
		kind: p.kind,
		amount: p.amount,
		serviceName: vote.serviceOf[p.id] ?? '',
		decision: p.decision,
		rank: p.rank,
		selectedAt: selected.includes(p.id) ? selected.indexOf(p.id) + 1 : null,
		reasons: p.reasons,
		wants: p.tallies.overall.wants,
		dontWants: p.tallies.overall.dontWants,
		ballots: p.tallies.overall.ballots,
		groups: p.protection.map(named),
		flags: p.flags.map(named),
		knockOn: p.knockOn,
		dependsOnOpen: p.dependsOnOpen,
		overridePosition: override.includes(p.id) ? override.indexOf(p.id) + 1 : null
	}));
}

export function servicePriorities(survey: SurveySection | null): ServicePriority[] {
	if (!survey) return [];
	return survey.analysis.priority.services.map((point) => {
		const figures = survey.analysis.services.find((s) => s.serviceId === point.serviceId);
		return {
			serviceId: point.serviceId,
			serviceName: survey.names.services[point.serviceId] ?? point.serviceId,
			importance: point.importance,
			satisfaction: point.satisfaction,
			quadrant: point.quadrant,
			willing: figures?.willing.share ?? null,
			n: figures?.importance.n ?? 0
		};
	});
}

/** Everything the report page, the priorities workbook and the open data need. */
export function engagementReport(db: DB, engagementId: number): EngagementReport | undefined {
	const engagement = catalogue.getEngagement(db, engagementId);
	if (!engagement) return undefined;
	const survey = surveySection(db, engagementId);
	const vote = voteSection(db, engagementId);
	return {
		engagement,
		survey,
		labs: labSections(db, engagementId),
		vote,
		charter: charterSection(db, engagementId),
		priorities: rankPriorities(voteDecisions(vote), servicePriorities(survey)),
		summary: vote
			? {
					vote: voteSummary(vote.result, vote.segments),
					turnout: turnout(
						vote.result,
						catalogue.listAreas(db).map((a) => ({ id: a.id, name: a.name, population: a.total }))
					)
				}
			: null
	};
}
