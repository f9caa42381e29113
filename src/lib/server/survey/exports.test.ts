import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import * as codes from '../codes';
import { auditLog } from '../db/schema';
import * as exports from './exports';
import * as responses from './responses';
import * as surveys from './surveys';
import { TEST_NOW, testCouncil, type TestCouncil } from '../../test/survey-db';

let c: TestCouncil;
let s: surveys.Survey;

function respond(answers: Record<string, string | string[]>): void {
	const p = codes.findParticipant(c.db, codes.createParticipant(c.db, TEST_NOW).token)!;
	const draft = responses.startDraft(c.db, s, p, TEST_NOW);
	// Page 0 is libraries, page 1 the custom question, 2 about you, 3 special categories.
	const pages = [0, 1, 2, 3];
	for (const page of pages) {
		const mine = Object.fromEntries(
			Object.entries(answers).filter(([id]) =>
				page === 0
					? id.startsWith('svc:')
					: page === 1
						? id.startsWith('custom:')
						: page === 2
							? id.startsWith('profile:') && !id.includes('disabled')
							: id.includes('disabled')
			)
		);
		responses.savePage(c.db, s, draft.id, page, mine, TEST_NOW);
	}
	const responseId = responses.submitDraft(
		c.db,
		s,
		draft.id,
		{ allowed: true, viaCode: false },
		TEST_NOW
	);
	expect(responseId).toBeGreaterThan(0);
}

beforeEach(() => {
	c = testCouncil();
	const id = surveys.createSurvey(c.db, c.actor, c.engagementId, {
		title: 'Libraries',
		description: '',
		serviceIds: ['libraries'],
		access: 'open',
		opensAt: null,
		closesAt: null
	});
	surveys.addQuestion(c.db, c.actor, id, {
		id: 'x',
		type: 'shortText',
		wording: { en: 'Anything else?', cy: 'Unrhyw beth arall?' },
		required: false
	});
	surveys.openSurvey(c.db, c.actor, id, TEST_NOW);
	s = surveys.getSurvey(c.db, id)!;
});

describe('responsesCsv', () => {
	it('writes answers in words, scores as numbers, and neutralises formulas', () => {
		respond({
			'svc:libraries:importance': '4',
			'svc:libraries:satisfaction': 'dontUse',
			'svc:libraries:contribution': ['volunteer', 'organise'],
			'svc:libraries:contributionText': '=HYPERLINK("http://evil.example","click")',
			'custom:q1': '-1 for the new opening hours',
			'profile:area': 'harbour',
			'profile:segment:disabled': 'yes'
		});
		const csv = exports.responsesCsv(c.db, c.actor, s, { includeSpecial: false }, TEST_NOW);
		const [header, row] = csv.replace('\uFEFF', '').trim().split('\r\n');
		expect(header).toContain('Libraries: importance (1-5)');
		expect(header).toContain('Q1: Anything else?');
		expect(header).toContain('Which area do you live in?');
		expect(header).not.toContain('Disabled');
		expect(row).toContain(',4,');
		expect(row).toContain("I don't use it, or don't know");
		expect(row).toContain('Volunteer; Organise something (a group, club or event)');
		expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
		expect(row).toContain("'-1 for the new opening hours");
		expect(row).toContain('Harbour');
	});

	it('adds the special-category columns only when asked, and audits each export', () => {
		respond({ 'svc:libraries:importance': '5', 'profile:segment:disabled': 'yes' });
		const csv = exports.responsesCsv(c.db, c.actor, s, { includeSpecial: true }, TEST_NOW);
		expect(csv).toContain('Are you in this group: Disabled residents?');
		const entries = c.db
			.select()
			.from(auditLog)
			.all()
			.filter((e) => e.action === 'survey.export.csv');
		expect(entries).toHaveLength(1);
		expect(JSON.parse(entries[0].after!)).toEqual({ rows: 1, includeSpecial: true });
	});
});

describe('analysis exports', () => {
	it('suppress small cells and build a workbook with every table', async () => {
		for (let i = 0; i < 12; i++) {
			respond({
				'svc:libraries:importance': String((i % 5) + 1),
				'svc:libraries:willingness': i % 2 ? 'aLot' : 'no',
				'profile:area': i < 11 ? 'harbour' : 'old-town'
			});
		}
		const data = exports.analysisExport(c.db, c.actor, s, 'xlsx', 'none', TEST_NOW);
		expect(data.analysis.published).toBe(true);
		expect(data.analysis.services[0].importance.n).toBe(12);
		// Old Town's one respondent is never a row of its own, nor the difference between
		// Harbour's 11 and the total: the two are published together.
		expect(data.analysis.community.byArea.groupIds).toEqual(['other-areas']);
		expect(data.analysis.community.byArea.respondents).toEqual([12]);
		expect(data.names.areas['other-areas']).toBe('Other areas (fewer than 10 people each)');
		const wb = new ExcelJS.Workbook();
		const bytes = await exports.analysisWorkbook(data);
		await wb.xlsx.load(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
		);
		expect(wb.worksheets.map((w) => w.name)).toEqual([
			'About',
			'Services',
			'Priority map',
			'By segment',
			'By area',
			'Who answered',
			'Read-out'
		]);
		expect(wb.getWorksheet('Services')!.getRow(2).getCell(1).value).toBe('Libraries');
		expect(wb.getWorksheet('Services')!.getRow(2).getCell(2).value).toBe(2.75);
		const actions = c.db
			.select()
			.from(auditLog)
			.all()
			.map((e) => e.action);
		expect(actions).toContain('survey.export.xlsx');
	});
});
