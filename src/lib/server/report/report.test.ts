import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../scripts/count';
import { count } from '../../budget/count';
import { metaValue, parsePabulib } from '../../budget/pabulib';
import { ScenarioSchema, scenarioInput } from '../../budget/schemas';
import { testDb } from '../../test/db';
import type { DB } from '../db/open';
import { auditLog, participationCode, user } from '../db/schema';
import { countVote, officialResult } from '../budget/results';
import { seedIfEmpty } from '../seed';
import { openDataZip } from './open-data';
import {
	prioritiesCsv,
	prioritiesJson,
	prioritiesWorkbook,
	prioritySheets
} from './priorities-export';
import { engagementReport, type EngagementReport } from './report';

let db: DB;
let report: EngagementReport;
const actor = { id: null, email: 'test' };

beforeAll(async () => {
	db = testDb();
	await seedIfEmpty(db);
	report = engagementReport(db, 1)!;
}, 60_000);

describe('the engagement report for the demo', () => {
	it('tells the whole story: survey, lab, vote and charter', () => {
		expect(report.engagement.title).toBe('Day services for adults: redesign for 2027');
		expect(report.survey?.analysis.respondents).toBeGreaterThan(100);
		expect(report.labs.length).toBeGreaterThan(0);
		expect(report.labs[0].shortlist.length).toBeGreaterThan(0);
		expect(report.vote?.status).toBe('closed');
		expect(report.charter?.review.rows.length).toBeGreaterThan(0);
	});

	it('ranks first what protection saved, and explains it', () => {
		const first = report.priorities[0];
		expect(first.action).toBe('protect');
		expect(first.why).toMatch(/^Protected/);
		expect(report.priorities.map((p) => p.rank)).toEqual(report.priorities.map((_, i) => i + 1));
	});

	it('is undefined for an engagement that does not exist', () => {
		expect(engagementReport(db, 999)).toBeUndefined();
	});
});

describe('the priorities exports', () => {
	it('write a workbook that reads back with every sheet and the same cells', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await prioritiesWorkbook(report)) as unknown as ArrayBuffer);
		const expected = prioritySheets(report);
		expect(wb.worksheets.map((w) => w.name)).toEqual(expected.map((s) => s.name));
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'Priorities',
			'Survey',
			'Lab',
			'Vote',
			'Charter',
			'Method notes'
		]);
		const front = wb.getWorksheet('Priorities')!;
		expect(front.rowCount).toBe(report.priorities.length + 1);
		expect(front.getRow(2).getCell(1).value).toBe(1);
		expect(front.getRow(2).getCell(3).value).toBe(report.priorities[0].title);
	});

	it('write the same priorities as CSV and JSON', () => {
		const csv = prioritiesCsv(report);
		expect(csv.startsWith('\uFEFF"Rank"')).toBe(true);
		expect(csv.trim().split('\r\n')).toHaveLength(report.priorities.length + 1);
		const json = JSON.parse(prioritiesJson(report));
		expect(json.priorities).toEqual(report.priorities);
	});
});

describe('the open data', () => {
	it('recounts from vote.pb to the official digest and decisions, with no codes, names or special-category ballots', async () => {
		const files = unzipSync(openDataZip(db, actor, report, 'Harbourside Borough Council'));
		expect(Object.keys(files).sort()).toEqual([
			'README.md',
			'charter.json',
			'lab-shortlist.csv',
			'priorities.csv',
			'rules.json',
			'survey-services.csv',
			'survey-willing-by-area.csv',
			'survey-willing-by-segment.csv',
			'vote-ballots.json',
			'vote-proposals.csv',
			'vote.pb'
		]);
		// The recount anyone can run: the CLI on the published .pb file.
		const cli = await runCli(['vote.pb', '--json'], () => strFromU8(files['vote.pb']));
		expect(cli.stderr).toBe('');
		expect(cli.code).toBe(0);
		const recount = JSON.parse(cli.stdout);
		const voteId = report.vote!.id;
		const official = countVote(db, voteId);
		expect(recount.digest).toBe(official.digest);
		expect(recount.digest).toBe(officialResult(db, voteId)!.digest);
		expect(recount.decisions).toEqual(
			Object.fromEntries(official.proposals.map((p) => [p.id, p.decision]))
		);
		expect(strFromU8(files['README.md'])).toContain(
			`The printed \`digest\` is \`${official.digest}\``
		);
		// The day centres stay protected by their users and by disabled residents, although no
		// ballot in the file says who is disabled: that group is published only as totals.
		const dayCentres = official.proposals.find((p) => p.decision === 'protected')!;
		expect(recount.protectedBy[dayCentres.id]).toEqual(
			expect.arrayContaining(['users', 'disabled'])
		);
		// Nobody's groups or service use per ballot: only as totals.
		const pb = parsePabulib(strFromU8(files['vote.pb']));
		expect(pb.votes.columns).not.toContain('segments');
		expect(pb.votes.columns).not.toContain('uses');
		expect(metaValue(pb, 'groups')).toContain('"group":"disabled"');
		// The JSON copy of the same input recounts to the same digest.
		const scenario = ScenarioSchema.parse(JSON.parse(strFromU8(files['vote-ballots.json'])));
		expect(count(scenarioInput(scenario)).digest).toBe(official.digest);

		const everything = Object.values(files)
			.map((f) => strFromU8(f))
			.join('\n');
		for (const staff of db.select().from(user).all()) expect(everything).not.toContain(staff.email);
		for (const code of db.select().from(participationCode).limit(50).all())
			expect(everything).not.toContain(code.codeHash);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((e) => e.action)
		).toContain('report.export.open-data');
	});
});
