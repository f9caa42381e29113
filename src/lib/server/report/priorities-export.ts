/**
 * The ranked priorities for commissioners as an Excel workbook (a front sheet of priorities,
 * then a sheet per step), CSV and JSON. All from the published report: suppressed cells stay
 * suppressed.
 */
import { DECISION_LABELS } from '../../budget/vote-rules';
import ExcelJS from 'exceljs';
import { csvFile } from '../../csv/csv';
import { ACTION_LABELS, type Priority } from '../../report/priorities';
import type { EngagementReport } from './report';

const PRIORITY_HEADERS = [
	'Rank',
	'Action',
	'Item',
	'Service',
	'Amount (£)',
	'Why',
	'Evidence',
	'From'
];
const QUADRANTS: Record<string, string> = {
	fixFirst: 'Fix first',
	keep: 'Keep',
	rethink: 'Rethink',
	watch: 'Watch'
};
const DECISIONS: Record<string, string> = DECISION_LABELS;

const pounds = (pence: number | null) => (pence === null ? null : Math.round(pence) / 100);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const share = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

function priorityRow(p: Priority): (string | number | null)[] {
	return [
		p.rank,
		ACTION_LABELS[p.action],
		p.title,
		p.service,
		pounds(p.amount),
		p.why,
		p.evidence,
		p.source
	];
}

/** Every sheet as rows, so the workbook and any reader of it agree on the contents. */
export function prioritySheets(
	report: EngagementReport
): { name: string; rows: (string | number | null)[][] }[] {
	const sheets: { name: string; rows: (string | number | null)[][] }[] = [
		{ name: 'Priorities', rows: [PRIORITY_HEADERS, ...report.priorities.map(priorityRow)] }
	];
	const s = report.survey;
	if (s) {
		sheets.push({
			name: 'Survey',
			rows: [
				[
					'Service',
					'Importance (1-5)',
					'Satisfaction (1-5)',
					'Quadrant',
					'Contributing now (%)',
					'Willing to do more (%)',
					'n'
				],
				...s.analysis.services.map((r) => {
					const point = s.analysis.priority.services.find((p) => p.serviceId === r.serviceId);
					return [
						s.names.services[r.serviceId] ?? r.serviceId,
						round2(r.importance.mean),
						round2(r.satisfaction.mean),
						point?.quadrant ? QUADRANTS[point.quadrant] : 'Suppressed or no data',
						share(r.contributing.share),
						share(r.willing.share),
						r.importance.n
					];
				})
			]
		});
	}
	if (report.labs.length) {
		sheets.push({
			name: 'Lab',
			rows: [
				['Lab', 'Shortlisted idea or theme', 'Dots', 'Proposals made from it'],
				...report.labs.flatMap((lab) =>
					lab.shortlist.map((item) => [lab.title, item.label, item.dots, item.proposals.join('; ')])
				)
			]
		});
	}
	const v = report.vote;
	if (v) {
		sheets.push({
			name: 'Vote',
			rows: [
				[
					'Rank',
					'Proposal',
					'Kind',
					'Service',
					'Amount (£)',
					'Decision',
					'Simple majority would have',
					'Protected by',
					'Wants',
					"Don't wants",
					'Ballots',
					'Reasons'
				],
				...[...v.result.proposals]
					.sort((a, b) => a.rank - b.rank)
					.map((p) => [
						p.rank,
						p.title,
						p.kind,
						v.serviceOf[p.id] ?? '',
						pounds(p.amount),
						DECISIONS[p.decision],
						DECISIONS[p.majorityDecision],
						p.protectedBy.join(', '),
						p.tallies.overall.suppressed ? null : p.tallies.overall.wants,
						p.tallies.overall.suppressed ? null : p.tallies.overall.dontWants,
						p.tallies.overall.ballots,
						p.reasons.join(' ')
					])
			]
		});
	}
	const c = report.charter;
	if (c) {
		sheets.push({
			name: 'Charter',
			rows: [
				['Item', 'Party', 'Measure', 'Latest status', 'Note', 'Date'],
				...c.review.rows.map((r) => [
					r.label,
					r.party,
					r.measure,
					r.latest?.status ?? 'not reviewed',
					r.latest?.note ?? '',
					r.latest?.date ?? ''
				])
			]
		});
	}
	sheets.push({ name: 'Method notes', rows: methodNotes(report).map((line) => [line]) });
	return sheets;
}

export function methodNotes(report: EngagementReport): string[] {
	const notes = [
		`Engagement: ${report.engagement.title} (${report.engagement.serviceName}).`,
		"Ranked priorities: protected savings first (commitments not to cut), then funded developments in funding order, then the survey's fix-first services (largest gap between importance and satisfaction first), then savings residents accepted, in rank order.",
		'Figures from fewer than 10 responses or ballots are suppressed.'
	];
	if (report.survey)
		notes.push(
			`Survey "${report.survey.title}": ${report.survey.analysis.respondents} respondents. Quadrants split at the average importance and satisfaction across services; 95% confidence intervals use Student's t.`
		);
	if (report.vote) {
		const r = report.vote.result;
		notes.push(
			`Vote "${report.vote.title}": ${r.ballots.total} ballots (${Object.entries(
				r.ballots.byChannel
			)
				.map(([k, n]) => `${n} ${k}`)
				.join(
					', '
				)}). Method: ${r.method}; protection: groups of at least ${r.rules.protection.minGroup}, threshold ${Math.round(r.rules.protection.threshold * 100)}%, margin ${Math.round(r.rules.protection.margin * 100)} points. Count digest ${r.digest}.`
		);
		notes.push(...r.summary);
	}
	return notes;
}

export async function prioritiesWorkbook(report: EngagementReport): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Co-Commission';
	wb.title = `Priorities: ${report.engagement.title}`;
	for (const sheet of prioritySheets(report)) {
		const ws = wb.addWorksheet(sheet.name);
		for (const row of sheet.rows) ws.addRow(row);
		ws.getRow(1).font = { bold: true };
		ws.views = [{ state: 'frozen', ySplit: 1 }];
		ws.columns.forEach((col) => {
			col.width = 18;
		});
	}
	return Buffer.from(await wb.xlsx.writeBuffer());
}

export function prioritiesCsv(report: EngagementReport): string {
	return csvFile([PRIORITY_HEADERS, ...report.priorities.map(priorityRow)]);
}

export function prioritiesJson(report: EngagementReport): string {
	return JSON.stringify(
		{
			format: 'co-commission/priorities/1',
			engagement: {
				id: report.engagement.id,
				title: report.engagement.title,
				service: report.engagement.serviceName
			},
			priorities: report.priorities,
			methodNotes: methodNotes(report)
		},
		null,
		1
	);
}
