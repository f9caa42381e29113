/**
 * The ranked priorities for commissioners as an Excel workbook (a front sheet saying what each
 * sheet holds, the priorities, then a sheet per step), CSV and JSON. All from the published
 * report: suppressed cells stay suppressed. Groups are named for people (`nameGroup`), decisions
 * by DECISION_LABELS.
 */
import { RAG_LABELS } from '../../charter/review';
import { QUADRANT_LABELS } from '../../survey/priority';
import { csvFile } from '../../csv/csv';
import { csvRows, type Column } from '../../csv/table';
import {
	byRank,
	findingText,
	noteColumns,
	overrideColumns,
	overrideRows,
	proposalColumns,
	type Labels
} from '../../vote/export';
import { ACTION_LABELS, type Priority } from '../../report/priorities';
import { sheetOf, writeWorkbook, type Sheet } from '../workbook';
import type { EngagementReport } from './report';

const SOURCES: Record<Priority['source'], string> = { vote: 'Vote', survey: 'Survey' };

export const PRIORITY_COLUMNS: Column<Priority>[] = [
	{ key: 'rank', header: 'Rank', width: 7, format: 'count', value: (p) => p.rank },
	{
		key: 'action',
		header: 'Action',
		width: 22,
		format: 'wrap',
		value: (p) => ACTION_LABELS[p.action]
	},
	{ key: 'item', header: 'Item', width: 40, format: 'wrap', value: (p) => p.title },
	{ key: 'service', header: 'Service', width: 24, format: 'wrap', value: (p) => p.service },
	{
		key: 'amount_pounds',
		header: 'Amount',
		width: 12,
		format: 'money',
		value: (p) => (p.amount === null ? null : p.amount / 100)
	},
	{ key: 'why', header: 'Why', width: 60, format: 'wrap', value: (p) => p.why },
	{ key: 'evidence', header: 'Evidence', width: 36, format: 'wrap', value: (p) => p.evidence },
	{
		key: 'groups',
		header: 'Protected by, or too close to call for',
		width: 44,
		format: 'wrap',
		value: (p) => p.groups.map((f) => findingText(f, f.label)).join('; ')
	},
	...noteColumns((p: Priority) => p),
	{
		key: 'source',
		header: 'From',
		width: 9,
		format: 'text',
		value: (p) => SOURCES[p.source],
		code: (p) => p.source
	}
];

type SurveyRow = NonNullable<EngagementReport['survey']>['analysis']['services'][number];
type LabRow = { lab: string; item: EngagementReport['labs'][number]['shortlist'][number] };
type CharterRow = NonNullable<EngagementReport['charter']>['review']['rows'][number];

/** The vote's labels for its tables (areas are not needed by the proposal tables). */
function voteLabels(v: NonNullable<EngagementReport['vote']>): Labels {
	return {
		segments: v.segments,
		areas: new Map(),
		services: new Map(Object.entries(v.services))
	};
}

/** Every sheet, its cells worked out, so that the workbook and its tests agree on contents. */
export function prioritySheets(report: EngagementReport): Sheet[] {
	const sheets: Sheet[] = [
		sheetOf(
			'Priorities',
			'One ranked list of what to do, from the vote and the survey: protect, members decide, fund, fix first, make the saving. Each row says why, with the figures, the groups behind a protection, how many ballots would have to change, flags for review and the override order.',
			PRIORITY_COLUMNS,
			report.priorities
		)
	];
	const s = report.survey;
	if (s) {
		const quadrant = (r: SurveyRow) =>
			s.analysis.priority.services.find((p) => p.serviceId === r.serviceId)?.quadrant;
		const columns: Column<SurveyRow>[] = [
			{
				key: 'service',
				header: 'Service',
				width: 30,
				format: 'wrap',
				value: (r) => s.names.services[r.serviceId] ?? r.serviceId
			},
			{
				key: 'importance',
				header: 'Importance (1 to 5)',
				width: 12,
				format: 'decimal',
				value: (r) => r.importance.mean
			},
			{
				key: 'satisfaction',
				header: 'Satisfaction (1 to 5)',
				width: 12,
				format: 'decimal',
				value: (r) => r.satisfaction.mean
			},
			{
				key: 'quadrant',
				header: 'Priority map',
				width: 14,
				format: 'text',
				value: (r) => {
					const q = quadrant(r);
					return q ? QUADRANT_LABELS[q] : 'Suppressed or no data';
				}
			},
			{
				key: 'contributing',
				header: 'Contributing now',
				width: 12,
				format: 'percent',
				value: (r) => r.contributing.share
			},
			{
				key: 'willing',
				header: 'Willing to do more',
				width: 12,
				format: 'percent',
				value: (r) => r.willing.share
			},
			{ key: 'n', header: 'Answers', width: 10, format: 'count', value: (r) => r.importance.n }
		];
		sheets.push(
			sheetOf(
				'Survey',
				`What residents value and how satisfied they are, from the survey "${s.title}" (${s.analysis.respondents} respondents): each service's mean importance and satisfaction, its place on the priority map, and the shares contributing now and willing to do more. Figures from fewer than 10 answers are left blank.`,
				columns,
				s.analysis.services
			)
		);
	}
	if (report.labs.length) {
		const columns: Column<LabRow>[] = [
			{ key: 'lab', header: 'Lab', width: 30, format: 'wrap', value: (r) => r.lab },
			{
				key: 'item',
				header: 'Shortlisted idea or theme',
				width: 50,
				format: 'wrap',
				value: (r) => r.item.label
			},
			{ key: 'dots', header: 'Dots', width: 8, format: 'count', value: (r) => r.item.dots },
			{
				key: 'proposals',
				header: 'Proposals made from it',
				width: 50,
				format: 'wrap',
				value: (r) => r.item.proposals.join('; ')
			}
		];
		sheets.push(
			sheetOf(
				'Lab',
				"The co-production lab's shortlist: each idea or theme, the dots participants gave it and the costed proposals made from it.",
				columns,
				report.labs.flatMap((lab) => lab.shortlist.map((item) => ({ lab: lab.title, item })))
			)
		);
	}
	const v = report.vote;
	if (v) {
		const labels = voteLabels(v);
		sheets.push(
			sheetOf(
				'Vote',
				`Every proposal of the vote "${v.title}" by rank: the decision and what simple majority would have decided, the groups that protect it or make it too close to call and how fragile that is, flags for review, knock-on changes, the override order, whether it depends on open ballots, the figures and the reasons.`,
				proposalColumns(v.result, labels),
				byRank(v.result)
			)
		);
		if (v.result.overrideOrder.length)
			sheets.push(
				sheetOf(
					'Override order',
					'The savings target cannot be met without a held-back saving: these are the savings members may consider releasing, weakest protection first (too close to call before protected, then by the largest share of a group against it). Information for the decision and the equality impact assessment; it changes no decision.',
					overrideColumns(v.result, labels),
					overrideRows(v.result)
				)
			);
	}
	const c = report.charter;
	if (c) {
		const columns: Column<CharterRow>[] = [
			{
				key: 'item',
				header: 'Outcome or commitment',
				width: 50,
				format: 'wrap',
				value: (r) => r.label
			},
			{ key: 'party', header: 'Party', width: 30, format: 'wrap', value: (r) => r.party },
			{ key: 'measure', header: 'Measure', width: 40, format: 'wrap', value: (r) => r.measure },
			{
				key: 'status',
				header: 'Latest review',
				width: 16,
				format: 'text',
				value: (r) => (r.latest ? RAG_LABELS[r.latest.status] : 'Not reviewed yet'),
				code: (r) => r.latest?.status ?? null
			},
			{
				key: 'note',
				header: 'Note',
				width: 50,
				format: 'wrap',
				value: (r) => r.latest?.note ?? ''
			},
			{
				key: 'date',
				header: 'Reviewed on',
				width: 14,
				format: 'date',
				value: (r) => (r.latest ? new Date(r.latest.date) : null)
			}
		];
		sheets.push(
			sheetOf(
				'Charter',
				`What the charter "${c.title}" commits each party to, and the latest review of each outcome and commitment.`,
				columns,
				c.review.rows
			)
		);
	}
	sheets.push(
		sheetOf(
			'Method notes',
			'How the priorities are ranked and the figures made: sample sizes, suppression, the counting rules and the digest that lets anyone recount the vote.',
			[{ key: 'note', header: 'Note', width: 120, format: 'wrap', value: (n: string) => n }],
			methodNotes(report)
		)
	);
	return sheets;
}

export function methodNotes(report: EngagementReport): string[] {
	const notes = [
		`Engagement: ${report.engagement.title} (${report.engagement.serviceName}).`,
		"Ranked priorities: protected savings first (commitments not to cut), then savings too close to call (for members to decide, with an equality impact assessment), then funded developments in funding order, then the survey's fix-first services (largest gap between importance and satisfaction first), then savings residents accepted, in rank order.",
		'Figures from fewer than 10 responses or ballots are suppressed.'
	];
	if (report.survey)
		notes.push(
			`Survey "${report.survey.title}": ${report.survey.analysis.respondents} respondents. Quadrants split at the average importance and satisfaction across services; 95% confidence intervals use Student's t.`
		);
	if (report.vote) {
		const r = report.vote.result;
		const p = r.rules.protection;
		notes.push(
			`Vote "${report.vote.title}": ${r.ballots.total} ballots (${Object.entries(
				r.ballots.byChannel
			)
				.map(([k, n]) => `${n} ${k}`)
				.join(
					', '
				)}). Method: ${r.method}; protection: groups of at least ${p.minGroup}, threshold ${Math.round(p.threshold * 100)}%, margin ${Math.round(p.margin * 100)} points, ${p.confidence === 'none' ? 'no confidence test' : '95% confidence'}, ${p.membership === 'verified' ? 'verified users only' : 'users as declared'}. Count digest ${r.digest}.`
		);
		notes.push(...r.summary);
	}
	return notes;
}

export async function prioritiesWorkbook(report: EngagementReport): Promise<Buffer> {
	return writeWorkbook(
		{
			title: `Priorities: ${report.engagement.title}`,
			lines: [
				`Service: ${report.engagement.serviceName}. Ranked priorities from the community survey and budget vote, with each step's results.`,
				'Figures from fewer than 10 responses or ballots are left blank. Amounts are in pounds.'
			]
		},
		prioritySheets(report)
	);
}

export function prioritiesCsv(report: EngagementReport): string {
	return csvFile(csvRows(PRIORITY_COLUMNS, report.priorities));
}

export function prioritiesJson(report: EngagementReport): string {
	const v = report.vote;
	return JSON.stringify(
		{
			format: 'co-commission/priorities/2',
			engagement: {
				id: report.engagement.id,
				title: report.engagement.title,
				service: report.engagement.serviceName
			},
			priorities: report.priorities,
			vote: v
				? {
						id: v.id,
						title: v.title,
						digest: v.result.digest,
						shortfall: v.result.shortfall,
						overrideOrder: report.summary?.vote.overrideOrder ?? [],
						assurance: {
							...v.result.assurance,
							dependsOnOpen: v.result.dependsOnOpen,
							summary: report.summary?.vote.assurance ?? null
						}
					}
				: null,
			methodNotes: methodNotes(report)
		},
		null,
		1
	);
}
