/**
 * Survey exports, each audited in the transaction that reads it: the responses as CSV
 * (special-category columns only when asked for), and the published analysis (cells under
 * 10 suppressed) as an Excel workbook or JSON.
 */
import ExcelJS from 'exceljs';
import { publishedAnalysis, type SurveyAnalysis } from '../../survey/analyse';
import { csvFile } from '../../csv/csv';
import { answerText, presentQuestion, type ShownQuestion } from '../../survey/present';
import { QUADRANT_LABELS } from '../../survey/priority';
import type { WeightingMode } from '../../survey/representativeness';
import type { MeanCell, ShareCell } from '../../survey/statistics';
import { SUPPRESSION_MIN_N } from '../../survey/suppression';
import { buildPages, type AnswerValue } from '../../survey/template';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { presentContext } from './labels';
import { analyse, listResponses, type Names, type StoredRow } from './results';
import type { Survey } from './surveys';

const SUPPRESSED = `fewer than ${SUPPRESSION_MIN_N} answers`;

function cellValue(q: ShownQuestion, value: AnswerValue | undefined): string | number | null {
	if (value === undefined) return null;
	// Points on a scale are numbers, so spreadsheets can average them; "don't know" stays words.
	if (q.type === 'scale' && typeof value === 'string' && /^-?\d+$/.test(value))
		return Number(value);
	return answerText(q, value) ?? null;
}

/**
 * The responses, one row each, with answers in words (English). Special-category columns
 * appear only when `includeSpecial` is set; either way the export is audited.
 */
export function responsesCsv(
	db: DB,
	actor: audit.Actor,
	s: Survey,
	options: { includeSpecial: boolean },
	now = new Date()
): string {
	const ctx = presentContext(db, 'en');
	const questions: ShownQuestion[] = buildPages(s.definition)
		.flatMap((p) => p.questions)
		.filter((q) => options.includeSpecial || !q.specialCategory)
		.map((q) => presentQuestion(q, ctx));
	const rows = write(db, (tx): StoredRow[] => {
		const found = listResponses(tx, s.id);
		audit.record(
			tx,
			actor,
			{
				action: 'survey.export.csv',
				entityType: 'survey',
				entityId: s.id,
				after: { rows: found.length, includeSpecial: options.includeSpecial }
			},
			now
		);
		return found;
	});
	const header = [
		'Response',
		'Date',
		'Entered with a code',
		...questions.map((q) => headerFor(q, ctx.serviceName))
	];
	const lines = rows.map((r) => {
		const all: Record<string, AnswerValue> = { ...r.answers, ...r.profile, ...r.special };
		return [
			r.id,
			r.submittedOn.toISOString().slice(0, 10),
			r.viaCode,
			...questions.map((q) => cellValue(q, all[q.id]))
		];
	});
	return csvFile([header, ...lines]);
}

function headerFor(q: ShownQuestion, serviceName: (id: string) => string): string {
	const service = /^svc:([^:]+):/.exec(q.id)?.[1];
	if (service) {
		const what: Record<string, string> = {
			importance: 'importance (1-5)',
			satisfaction: 'satisfaction (1-5)',
			contribution: 'contributes now',
			contributionText: 'what they do',
			willingness: 'would do more',
			willingnessText: 'what they would do'
		};
		return `${serviceName(service)}: ${what[q.standard ?? ''] ?? q.id}`;
	}
	const custom = /^custom:(.+)$/.exec(q.id)?.[1];
	if (custom) return `${custom.toUpperCase()}: ${q.label}`;
	return q.label;
}

export interface AnalysisExport {
	survey: { id: number; title: string; titleCy: string | null; engagementId: number };
	exportedAt: string;
	weighting: WeightingMode;
	suppressionMinN: number;
	names: Names;
	analysis: SurveyAnalysis;
}

/** The published (suppressed) analysis for an export, audited as `survey.export.<format>`. */
export function analysisExport(
	db: DB,
	actor: audit.Actor,
	s: Survey,
	format: 'xlsx' | 'json',
	weighting: WeightingMode,
	now = new Date()
): AnalysisExport {
	return write(db, (tx) => {
		const { analysis, names } = analyse(tx, s, { weighting });
		audit.record(
			tx,
			actor,
			{
				action: `survey.export.${format}`,
				entityType: 'survey',
				entityId: s.id,
				after: { respondents: analysis.respondents, weighting }
			},
			now
		);
		return {
			survey: { id: s.id, title: s.title, titleCy: s.titleCy, engagementId: s.engagementId },
			exportedAt: now.toISOString(),
			weighting,
			suppressionMinN: SUPPRESSION_MIN_N,
			names,
			analysis: publishedAnalysis(analysis)
		};
	});
}

function mean(cell: MeanCell): number | string | null {
	if (cell.suppressed) return SUPPRESSED;
	return cell.mean === null ? null : Number(cell.mean.toFixed(2));
}
function ci(cell: MeanCell, which: 'ciLow' | 'ciHigh'): number | null {
	const v = cell[which];
	return v === null ? null : Number(v.toFixed(2));
}
function share(cell: ShareCell): number | string | null {
	if (cell.suppressed) return SUPPRESSED;
	return cell.share === null ? null : Number(cell.share.toFixed(3));
}

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: unknown[][]): void {
	const ws = wb.addWorksheet(name);
	ws.addRow(header).font = { bold: true };
	for (const row of rows) ws.addRow(row);
	ws.columns.forEach((col, i) => {
		col.width = Math.min(60, Math.max(12, (header[i] ?? '').length + 2));
	});
	ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The analysis tables as a workbook: shares are fractions (0.42 = 42%). */
export async function analysisWorkbook(data: AnalysisExport): Promise<Buffer> {
	const { analysis: a, names } = data;
	const service = (id: string) => names.services[id] ?? id;
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Co-Commission';
	sheet(
		wb,
		'About',
		['Item', 'Value'],
		[
			['Survey', data.survey.title],
			['Exported', data.exportedAt],
			['Respondents', a.respondents],
			[
				'Weighting',
				data.weighting === 'none'
					? 'None'
					: data.weighting === 'area'
						? 'By area'
						: 'By area and age'
			],
			['Suppression', `Figures based on fewer than ${data.suppressionMinN} answers are not shown`],
			['Shares', 'Fractions of the answers to that question (0.42 = 42%)']
		]
	);
	sheet(
		wb,
		'Services',
		[
			'Service',
			'Importance mean',
			'Importance 95% low',
			'Importance 95% high',
			'Importance n',
			"Importance don't know share",
			'Satisfaction mean',
			'Satisfaction 95% low',
			'Satisfaction 95% high',
			'Satisfaction n',
			"Satisfaction don't use share",
			'Already contributing share',
			'Contribution n',
			'Would do more share',
			'Would do a lot more share',
			'Willingness n',
			'Priority'
		],
		a.services.map((s) => [
			service(s.serviceId),
			mean(s.importance),
			ci(s.importance, 'ciLow'),
			ci(s.importance, 'ciHigh'),
			s.importance.n,
			share(s.importanceDontKnow),
			mean(s.satisfaction),
			ci(s.satisfaction, 'ciLow'),
			ci(s.satisfaction, 'ciHigh'),
			s.satisfaction.n,
			share(s.satisfactionDontUse),
			share(s.contributing),
			s.contributing.n,
			share(s.willing),
			share(s.willingALot),
			s.willing.n,
			(() => {
				const q = a.priority.services.find((p) => p.serviceId === s.serviceId)?.quadrant;
				return q ? QUADRANT_LABELS[q] : 'Not placed';
			})()
		])
	);
	sheet(
		wb,
		'Priority map',
		['Service', 'Importance', 'Satisfaction', 'Quadrant'],
		[
			...a.priority.services.map((p) => [
				service(p.serviceId),
				p.importance === null ? null : Number(p.importance.toFixed(2)),
				p.satisfaction === null ? null : Number(p.satisfaction.toFixed(2)),
				p.quadrant ? QUADRANT_LABELS[p.quadrant] : 'Not placed'
			]),
			[],
			['Split: mean importance', a.priority.meanImportance],
			['Split: mean satisfaction', a.priority.meanSatisfaction]
		]
	);
	for (const [title, table, label] of [
		['By segment', a.community.bySegment, (id: string) => names.segments[id] ?? id],
		['By area', a.community.byArea, (id: string) => names.areas[id] ?? id]
	] as const) {
		sheet(
			wb,
			title,
			[
				'Group',
				'Respondents',
				...table.serviceIds.flatMap((id) => [
					`${service(id)}: would do more`,
					`${service(id)}: n`,
					`${service(id)}: already contributing`,
					`${service(id)}: n`
				])
			],
			table.groupIds.map((g, i) => [
				label(g),
				table.respondents[i] < SUPPRESSION_MIN_N ? SUPPRESSED : table.respondents[i],
				...table.cells[i].flatMap((c) => [
					share(c.willing),
					c.willing.n,
					share(c.contributing),
					c.contributing.n
				])
			])
		);
	}
	const rep = a.representativeness;
	sheet(
		wb,
		'Who answered',
		[
			'Kind',
			'Group',
			'Respondents',
			'Share of respondents',
			'Population',
			'Share of population',
			'Ratio'
		],
		[
			...rep.byArea.map((r) => [
				'Area',
				names.areas[r.id] ?? r.id,
				r.n,
				r.suppressed ? SUPPRESSED : r.share,
				r.population,
				r.populationShare,
				r.ratio
			]),
			['Area', 'Not stated', rep.areaNotStated],
			...rep.byAgeBand.map((r) => [
				'Age',
				names.ageBands[r.id] ?? r.id,
				r.n,
				r.suppressed ? SUPPRESSED : r.share,
				r.population,
				r.populationShare,
				r.ratio
			]),
			['Age', 'Not stated', rep.ageBandNotStated]
		]
	);
	sheet(
		wb,
		'Read-out',
		['Step', 'Finding'],
		[
			...a.readout.sentences.mapIt.map((s) => ['Map it', s]),
			...a.readout.sentences.focusIt.map((s) => ['Focus it', s]),
			...a.readout.sentences.peopleIt.map((s) => ['People it', s])
		]
	);
	if (a.weighting) {
		sheet(
			wb,
			'Weighting',
			['Area', 'Age band', 'Responses', 'Population', 'Weight', 'Capped'],
			a.weighting.cells.map((c) => [
				names.areas[c.area] ?? c.area,
				c.ageBand ? (names.ageBands[c.ageBand] ?? c.ageBand) : '',
				c.responses < SUPPRESSION_MIN_N ? SUPPRESSED : c.responses,
				c.population,
				Number(c.weight.toFixed(3)),
				c.capped ? 'yes' : 'no'
			])
		);
	}
	return Buffer.from(await wb.xlsx.writeBuffer());
}
