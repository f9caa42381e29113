/**
 * Gathers a decision record's evidence from the tools' own results: the official count of the
 * engagement's closed vote, the survey and labs as the engagement report has them, and the
 * names of groups in English and Welsh.
 */
import { USERS } from '../../budget/types';
import {
	representation,
	voteEvidence,
	type Evidence,
	type GroupLabel,
	type PopulationRow,
	type RepresentationSummary
} from '../../decision/evidence';
import { toLocalInput } from '../../survey/dates';
import * as results from '../budget/results';
import * as votes from '../budget/votes';
import * as catalogue from '../catalogue';
import * as surveys from '../survey/surveys';
import type { DB } from '../db/open';
import { engagementReport } from '../report/report';

export const USERS_LABEL: GroupLabel = {
	en: 'People who use the service',
	cy: "Pobl sy'n defnyddio'r gwasanaeth"
};

/** The day (YYYY-MM-DD) an instant falls on in the council's time zone. */
export function councilDay(date: Date): string {
	return toLocalInput(date).slice(0, 10);
}

/** The engagement's closed vote with an official count, the last to close. */
export function closedVote(db: DB, engagementId: number) {
	return votes
		.listVotes(db, engagementId)
		.filter((v) => v.status === 'closed' && results.officialResult(db, v.id))
		.sort((a, b) => (b.closesAt?.getTime() ?? 0) - (a.closesAt?.getTime() ?? 0))[0];
}

/** Areas by name and age bands as "aged 16-24", both against the population. */
function bothWays(
	areas: readonly PopulationRow[],
	ageBands: readonly PopulationRow[]
): RepresentationSummary {
	const a = representation(areas);
	const b = representation(ageBands.map((r) => ({ ...r, label: `people aged ${r.label}` })));
	return { under: [...a.under, ...b.under], over: [...a.over, ...b.over] };
}

/** Everything a decision record stands on, now; undefined for an engagement that does not exist. */
export function gatherEvidence(db: DB, engagementId: number, now: Date): Evidence | undefined {
	const report = engagementReport(db, engagementId);
	if (!report) return undefined;
	const areaNames = new Map(catalogue.listAreas(db).map((a) => [a.id, a.name]));
	const segments = results.countSegments(db);
	const catalogueSegments = new Map(catalogue.listSegments(db).map((s) => [s.id, s]));
	const groupLabels: Record<string, GroupLabel> = { [USERS]: USERS_LABEL };
	for (const s of segments)
		groupLabels[s.id] = { en: s.label, cy: catalogueSegments.get(s.id)?.labelCy ?? '' };

	const closed = closedVote(db, engagementId);
	let vote: Evidence['vote'] = null;
	if (closed) {
		const proposals = votes.listProposals(db, closed.id);
		const sample = results.sampleAgainstPopulation(db, closed.id);
		const rows = (list: typeof sample.areas, name: (key: string) => string) =>
			list.map((r) => ({ label: name(r.key), n: r.ballots, population: r.population }));
		vote = voteEvidence({
			id: closed.id,
			title: closed.title,
			titleCy: closed.titleCy ?? '',
			closedAt: closed.closesAt ?? closed.updatedAt,
			result: results.countVote(db, closed.id, now),
			titlesCy: Object.fromEntries(proposals.map((p) => [String(p.id), p.titleCy ?? ''])),
			serviceNames: Object.fromEntries(proposals.map((p) => [String(p.id), p.serviceName])),
			segmentIds: segments.filter((s) => catalogueSegments.has(s.id)).map((s) => s.id),
			representation: bothWays(
				rows(sample.areas, (k) => areaNames.get(k) ?? k),
				rows(sample.ageBands, (k) => k)
			)
		});
	}

	const s = report.survey;
	const servicesCy = new Map(catalogue.listServices(db, true).map((x) => [x.id, x.nameCy ?? '']));
	const rep = s?.analysis.representativeness;
	return {
		takenAt: now.toISOString(),
		engagement: {
			id: report.engagement.id,
			title: report.engagement.title,
			serviceName: report.engagement.serviceName
		},
		vote,
		survey: s
			? {
					id: s.id,
					title: s.title,
					titleCy: surveys.getSurvey(db, s.id)?.titleCy ?? '',
					respondents: s.analysis.respondents,
					fixFirst: s.analysis.priority.services
						.filter((p) => p.quadrant === 'fixFirst')
						.map((p) => ({
							en: s.names.services[p.serviceId] ?? p.serviceId,
							cy: servicesCy.get(p.serviceId) ?? ''
						})),
					representation: rep
						? bothWays(
								rep.byArea.map((r) => ({
									label: areaNames.get(r.id) ?? r.id,
									n: r.n,
									population: r.population ?? 0
								})),
								rep.byAgeBand.map((r) => ({ label: r.id, n: r.n, population: r.population ?? 0 }))
							)
						: { under: [], over: [] }
				}
			: null,
		labs: report.labs
			.filter((l) => l.ideas > 0)
			.map((l) => ({
				id: l.id,
				title: l.title,
				ideas: l.ideas,
				participants: l.participants,
				shortlist: l.shortlist
			})),
		groupLabels
	};
}
