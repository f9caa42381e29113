import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../scripts/count';
import { count } from '../../budget/count';
import { readFileSync } from 'node:fs';
import { asJson } from '../../../../scripts/count-council';
import { metaValue, parsePabulib, type PabulibFile } from '../../budget/pabulib';
import type { CountResult } from '../../budget/types';
import { ScenarioSchema, scenarioInput } from '../../budget/schemas';
import { testDb } from '../../test/db';
import { listedSheets, readWorkbook, records } from '../../test/workbook';
import type { DB } from '../db/open';
import { auditLog, participationCode, user } from '../db/schema';
import { countVote, officialResult } from '../budget/results';
import { seedIfEmpty } from '../seed';
import { openDataZip } from './open-data';
import { disclosureFindings } from '../../test/disclosure';
import {
	prioritiesCsv,
	prioritiesJson,
	prioritiesWorkbook,
	prioritySheets
} from './priorities-export';
import { engagementReport, type EngagementReport } from './report';
import { FRONT_SHEET } from '../workbook';
import { DECISIONS } from '../../budget/types';
import { RAG_LABELS, RAG_STATUSES } from '../../charter/review';

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

describe('the summary at the top of the report', () => {
	it('says the decision in a sentence, the shortfall, who was protected and turnout', () => {
		const s = report.summary!;
		expect(s.vote.decision).toBe(
			'The vote accepts 5 savings worth £515,000 against a target of £600,000, funds 1 development (£15,000 of a £50,000 budget), protects 1 saving that a declared group depends on and leaves 1 to members as too close to call.'
		);
		expect(s.vote.money).toMatch(/^£85,000 short of the £600,000 savings target/);
		expect(s.vote.overrideOrder.map((o) => o.title)).toEqual([
			'Run community transport three days a week instead of five',
			'Close two day centres for adults with learning disabilities'
		]);
		expect(s.vote.protected[0].groups.map((g) => [g.label, g.fragility])).toEqual([
			['Verified service users', 14],
			['Disabled residents', 20],
			['Verified service users + Disabled residents', 28]
		]);
		expect(s.turnout.population).toBe(75300);
		expect(s.turnout.sentence).toMatch(
			/^1,480 ballots from a population of 75,300: 2\.0% turnout\./
		);
	});
});

describe('the priorities exports', () => {
	let wb: ExcelJS.Workbook;
	beforeAll(async () => {
		wb = await readWorkbook(await prioritiesWorkbook(report));
	});

	it('write a workbook whose front sheet explains every sheet, which reads back with the same cells', () => {
		const expected = prioritySheets(report);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			FRONT_SHEET,
			'Priorities',
			'Survey',
			'Lab',
			'Vote',
			'Override order',
			'Charter',
			'Method notes'
		]);
		const front = wb.getWorksheet(FRONT_SHEET)!;
		expect(front.getCell('A1').value).toBe(`Priorities: ${report.engagement.title}`);
		const explained = listedSheets(front);
		expect([...explained.keys()]).toEqual(expected.map((s) => s.name));
		for (const sheet of expected) {
			expect(explained.get(sheet.name)).toBe(sheet.about);
			const ws = wb.getWorksheet(sheet.name)!;
			expect(ws.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(ws.getRow(1).font.bold, sheet.name).toBe(true);
			expect(ws.rowCount, sheet.name).toBe(sheet.rows.length + 1);
			sheet.columns.forEach((c, i) => {
				expect(ws.getRow(1).getCell(i + 1).value).toBe(c.header);
				expect(ws.getColumn(i + 1).width).toBe(c.width);
			});
			sheet.rows.forEach((row, r) =>
				row.forEach((value, c) => {
					const cell = ws.getRow(r + 2).getCell(c + 1);
					expect(cell.value ?? null, `${sheet.name} ${cell.address}`).toEqual(
						value === '' ? null : value
					);
				})
			);
		}
	});

	it('show each priority with money as pounds, the groups behind it, fragility, flags and the override order', () => {
		const rows = records(wb.getWorksheet('Priorities')!);
		const [protect, decide] = rows;
		expect(protect['Action'].value).toBe('Protect: do not make this saving');
		expect(protect['Amount'].type).toBe(ExcelJS.ValueType.Number);
		expect(protect['Amount'].value).toBe(400000);
		expect(protect['Amount'].numFmt).toBe('"£"#,##0');
		expect(protect['Why'].alignment.wrapText).toBe(true);
		expect(protect['Protected by, or too close to call for'].value).toContain(
			"Verified service users: 51 of 60 don't want it (85%; other voters 18%); Disabled residents: 84 of 108"
		);
		expect(
			protect["Fragility: how many of the group's don't-wants would have to change"].value
		).toBe(
			'Verified service users: 14; Disabled residents: 20; Verified service users + Disabled residents: 28'
		);
		expect(protect['Place in the override order'].value).toBe(2);
		expect(decide['Action'].value).toBe('Members decide: too close to call');
		expect(decide['Place in the override order'].value).toBe(1);
		const golf = rows.find((r) => r['Item'].value === 'End the golf course subsidy')!;
		expect(golf['Flagged for review (not declared, so cannot protect)'].value).toMatch(
			/^Older people \(65 and over\): 190 of 269 don't want it/
		);
		const knockOn = rows.filter((r) => r['Knock-on of another decision'].value === 'yes');
		expect(knockOn.map((r) => r['Item'].value)).toEqual([
			'Smarter day services transport',
			'Run day sessions from community buildings',
			'Dim street lights after midnight'
		]);
		expect(rows.map((r) => r['From'].value)).not.toContain('vote');
	});

	it('write survey figures as numbers with formats, charter reviews in words with dates as dates', () => {
		const survey = records(wb.getWorksheet('Survey')!);
		const day = survey.find((r) => r['Service'].value === 'Adult day services')!;
		expect(day['Importance (1 to 5)'].numFmt).toBe('0.00');
		expect(day['Willing to do more'].numFmt).toBe('0%');
		expect(day['Willing to do more'].value).toBeGreaterThan(0);
		expect(day['Willing to do more'].value).toBeLessThan(1);
		expect(day['Priority map'].value).toBe('Fix first');
		const charter = records(wb.getWorksheet('Charter')!);
		const reviewed = charter.filter((r) => r['Reviewed on'].value !== null);
		expect(reviewed.length).toBeGreaterThan(0);
		for (const r of reviewed) {
			expect(r['Reviewed on'].type).toBe(ExcelJS.ValueType.Date);
			expect(r['Reviewed on'].numFmt).toBe('d mmm yyyy');
			expect(Object.values(RAG_LABELS)).toContain(r['Latest review'].value);
		}
	});

	it('never shows an internal code or a group id where a reader expects words', () => {
		const codes = new Set<string>([
			...DECISIONS,
			...RAG_STATUSES,
			'fixFirst',
			'users',
			'disabled',
			'older',
			'users+disabled'
		]);
		for (const ws of wb.worksheets)
			ws.eachRow((row) =>
				row.eachCell((cell) => {
					if (typeof cell.value !== 'string') return;
					expect(codes.has(cell.value), `${ws.name} ${cell.address}: ${cell.value}`).toBe(false);
					expect(cell.value, `${ws.name} ${cell.address}`).not.toMatch(/users, disabled/);
				})
			);
	});

	it('write the same priorities as CSV (keys, then the same rows) and JSON (with the override order and assurance)', () => {
		const csv = prioritiesCsv(report);
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'\uFEFF"rank","action","item","service","amount_pounds","why","evidence","groups","fragility","flagged_for_review","override_order","knock_on","depends_on_open_ballots","source"'
		);
		expect(lines).toHaveLength(report.priorities.length + 1);
		expect(lines[2]).toMatch(/^2,"Members decide: too close to call","Run community transport/);
		const json = JSON.parse(prioritiesJson(report));
		expect(json.format).toBe('co-commission/priorities/2');
		expect(json.priorities).toEqual(report.priorities);
		expect(json.vote.overrideOrder.map((o: { title: string }) => o.title)).toEqual([
			'Run community transport three days a week instead of five',
			'Close two day centres for adults with learning disabilities'
		]);
		expect(json.vote.assurance).toMatchObject({ ran: true, dependsOnOpen: [] });
		expect(json.vote.assurance.summary).toMatch(/gives the same decisions/);
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

	it('publishes no count of people under 10 and no rare combination of attributes, in any file', () => {
		const files = unzipSync(openDataZip(db, actor, report, 'Harbourside Borough Council'));
		const texts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
		expect(disclosureFindings(texts)).toEqual([]);
		// There was something to hide: groups under 10 are there only as such.
		expect(texts['vote.pb']).toContain('fewerThan10');
		// The README says what is aggregated and why.
		expect(texts['README.md']).toMatch(/fewer than 10/);
		expect(texts['README.md']).toContain('Other areas');
		expect(texts['README.md']).toMatch(/ballot by ballot/);
	});

	describe('the recount and its documentation, for counting rules version 2', () => {
		let files: Record<string, Uint8Array>;
		let pb: PabulibFile;
		let recount: Record<string, unknown>;
		let official: CountResult;
		beforeAll(async () => {
			files = unzipSync(openDataZip(db, actor, report, 'Harbourside Borough Council'));
			pb = parsePabulib(strFromU8(files['vote.pb']));
			recount = JSON.parse(
				(await runCli(['vote.pb', '--json'], () => strFromU8(files['vote.pb']))).stdout
			);
			official = countVote(db, report.vote!.id);
		});
		/** The columns Pabulib itself defines; the rest are ours, and documented. */
		const PABULIB = {
			projects: ['project_id', 'cost', 'votes', 'name'],
			votes: ['voter_id', 'vote']
		};
		const ours = () => ({
			projects: pb.projects.columns.filter((c) => !PABULIB.projects.includes(c)),
			votes: pb.votes.columns.filter((c) => !PABULIB.votes.includes(c)),
			// Our META keys follow Pabulib's, from `format` on.
			meta: pb.meta.map(([k]) => k).slice(pb.meta.findIndex(([k]) => k === 'format'))
		});
		/** The text between a heading and the next heading of the same level or higher. */
		const section = (text: string, heading: string) => {
			const from = text.indexOf(heading);
			const level = heading.match(/^#+/)![0];
			const next = text.slice(from + heading.length).search(new RegExp(`\\n#{1,${level.length}} `));
			return text.slice(from, next < 0 ? undefined : from + heading.length + next);
		};
		// Names in backticks, outside code blocks.
		const ticked = (text: string) =>
			[...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);

		it('reproduces every decision, protection, flag, fragility figure, the override order and majority', () => {
			expect(recount).toEqual(JSON.parse(JSON.stringify(asJson(official))));
			expect(recount.decisions).toEqual(
				Object.fromEntries(
					pb.projects.rows.map((r) => [r[0], r[pb.projects.columns.indexOf('decision')]])
				)
			);
			expect(recount).toMatchObject({
				marginalBy: { '10': ['older'] },
				flagged: { '9': ['older'] },
				fragility: { '5': { users: 14, disabled: 20, 'users+disabled': 28 }, '10': { older: 10 } },
				shortfall: 8500000
			});
			expect((recount.overrideOrder as { id: string }[]).map((o) => o.id)).toEqual(['10', '5']);
		});

		it('writes vote.pb with the columns and META keys that version 2 documents', () => {
			expect(ours()).toEqual({
				projects: ['kind', 'amount', 'service', 'affects', 'dont_wants', 'selected', 'decision'],
				// After Pabulib's voter_id and vote.
				votes: ['dont_want', 'neighborhood', 'age_band', 'voting_method', 'assured'],
				meta: ['format', 'rules', 'segments', 'groups']
			});
			expect(metaValue(pb, 'format')).toBe('co-commission/vote/2');
		});

		it("documents every one of them in the ZIP's README and in the project README", () => {
			const zipReadme = strFromU8(files['README.md']);
			const projectReadme = section(
				readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8'),
				'### Recount a vote from open data'
			);
			const { projects, votes, meta } = ours();
			for (const name of [...projects, ...votes, ...meta]) {
				expect(ticked(section(zipReadme, '## vote.pb')), name).toContain(name);
				expect(ticked(projectReadme), name).toContain(name);
			}
			for (const code of DECISIONS) expect(ticked(zipReadme)).toContain(code);
			// The project README names exactly the extra columns and keys, and nothing stale.
			const listed = projectReadme.match(/extra columns and\s+META keys \(([^)]*)\)/)![1];
			expect(new Set(ticked(listed))).toEqual(new Set([...projects, ...votes, ...meta]));
			// ... and exactly the keys that --json prints.
			const keys = projectReadme.match(/`--json` prints one object with([^;]*);/)![1];
			expect(ticked(keys).sort()).toEqual(Object.keys(recount).sort());
			expect(projectReadme).toContain('npx co-commission-count');
			expect(projectReadme).toContain('dist/count.js');
		});

		it('publishes the proposals table with the decisions, groups and override order of version 2', () => {
			const csv = strFromU8(files['vote-proposals.csv']);
			expect(csv.split('\r\n')[0]).toContain(
				'"decision","majority_decision","protected_by","marginal_by","fragility","flagged_for_review","override_order","knock_on","depends_on_open_ballots"'
			);
			expect(csv).toContain('"Verified service users; Disabled residents;');
		});
	});
});
