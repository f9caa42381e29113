/**
 * A council want / don't-want vote as a Pabulib `.pb` file that holds everything its count
 * needs, so that `npm run count -- vote.pb` recounts the published vote to the official digest.
 *
 * Pabulib tools read it as an ordinary approval vote: PROJECTS are the proposals (`cost` in
 * pounds), VOTES list each voter's wants in `vote`. The extra columns and META keys carry the
 * rest, and a file with META `format` = `co-commission/vote/1` is read back in full:
 * - PROJECTS `amount` (exact, in pence), `kind` (saving | development), `service`, `affects`
 *   (segment ids, comma-separated), `dont_wants`, `selected` (the official decision).
 * - VOTES `dont_want` (proposals marked Don't want), `uses` (proposals whose service the voter
 *   uses), `segments`, `neighborhood` (area), `age_band`, `voting_method` (the channel). One row
 *   per ballot, identical ballots in a row, voter ids numbered from 1.
 * - META `rules`, `segments`, `population` and `segment_totals`, each as JSON.
 * The input written is the publishable one (publishable.ts): no special-category data per person.
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return, and not a number) is written with an apostrophe in front, as in the CSV exports; a
 * field that already starts with apostrophes before such text gets one more. The reader
 * (pabulib.ts `restoreField`) takes exactly one off, so titles read back as entered and the
 * recount's digest is the official one.
 */
import { z } from 'zod';
import { metaValue, PabulibError, writePabulib, type PabulibFile } from './pabulib';
import {
	PopulationCellSchema,
	ProposalSchema,
	RulesSchema,
	SegmentSchema,
	SegmentTotalsSchema
} from './schemas';
import { CHANNELS, type Ballot, type Channel, type CountInput, type Proposal } from './types';

export const VOTE_PABULIB_FORMAT = 'co-commission/vote/1';

export interface VotePabulibMeta {
	title: string;
	/** The council's name (Pabulib's `unit`). */
	unit: string;
	/** The vote's id (Pabulib's `instance`). */
	instance: string;
	dateBegin?: string;
	dateEnd?: string;
	/** Proposals the official count funds or accepts. */
	selected: ReadonlySet<string>;
	/** Wants and don't-wants per proposal, for the PROJECTS columns Pabulib tools expect. */
	totals: ReadonlyMap<string, { wants: number; dontWants: number }>;
}

const PROJECT_COLUMNS = [
	'project_id',
	'cost',
	'votes',
	'name',
	'kind',
	'amount',
	'service',
	'affects',
	'dont_wants',
	'selected'
];
const VOTE_COLUMNS = [
	'voter_id',
	'vote',
	'dont_want',
	'uses',
	'segments',
	'neighborhood',
	'age_band',
	'voting_method'
];

const pounds = (pence: number) =>
	pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);

/** Writes the (publishable) input of a vote as `.pb` text. */
export function writeVotePabulib(input: CountInput, meta: VotePabulibMeta): string {
	const votes: string[][] = [];
	for (const b of input.ballots) {
		const marked = (m: string) =>
			input.proposals.filter((p) => b.marks[p.id] === m).map((p) => p.id);
		const row = [
			'',
			marked('want').join(','),
			marked('dontWant').join(','),
			[...b.uses].join(','),
			[...b.segments].join(','),
			b.area ?? '',
			b.ageBand ?? '',
			b.channel
		];
		for (let i = 0; i < (b.count ?? 1); i++) votes.push(row);
	}
	// Rows share arrays until here; each gets its own voter id.
	const rows = votes.map((r, i) => [String(i + 1), ...r.slice(1)]);
	const json = (x: unknown) => JSON.stringify(x);
	const file: PabulibFile = {
		meta: [
			['description', meta.title],
			['country', 'United Kingdom'],
			['unit', meta.unit],
			['instance', meta.instance],
			['num_projects', String(input.proposals.length)],
			['num_votes', String(rows.length)],
			['budget', pounds(input.rules.developmentBudget)],
			['vote_type', 'approval'],
			['rule', input.rules.method === 'greedy' ? 'greedy' : 'equalshares'],
			['date_begin', meta.dateBegin ?? ''],
			['date_end', meta.dateEnd ?? ''],
			['currency', 'GBP'],
			[
				'comment',
				"Co-Commission want / don't-want vote. 'vote' lists the proposals a voter marked Want (approvals); 'dont_want' those marked Don't want (no view = neither). kind=saving: a saving (cost = the saving); kind=development: new spending. 'selected' = the official decision (1 = funded or accepted). Anonymised: voter ids are sequence numbers; special-category groups appear only as totals in segment_totals. Recount with Co-Commission: npm run count -- <this file> --json"
			],
			['format', VOTE_PABULIB_FORMAT],
			['rules', json(input.rules)],
			['segments', json(input.segments)],
			...(input.population ? [['population', json(input.population)] as [string, string]] : []),
			...(input.segmentTotals?.length
				? [['segment_totals', json(input.segmentTotals)] as [string, string]]
				: [])
		],
		metaLines: [],
		projects: {
			columns: PROJECT_COLUMNS,
			rows: input.proposals.map((p) => [
				p.id,
				pounds(p.amount),
				// Pabulib counts votes in whole numbers; weighted totals are rounded here only.
				String(Math.round(meta.totals.get(p.id)?.wants ?? 0)),
				p.title,
				p.kind,
				String(p.amount),
				p.service,
				p.affects.join(','),
				String(Math.round(meta.totals.get(p.id)?.dontWants ?? 0)),
				meta.selected.has(p.id) ? '1' : '0'
			]),
			lines: []
		},
		votes: { columns: VOTE_COLUMNS, rows, lines: [] }
	};
	return writePabulib(file);
}

/** Whether a parsed `.pb` file is a Co-Commission vote (else it is a plain Pabulib election). */
export function isVotePabulib(file: PabulibFile): boolean {
	return metaValue(file, 'format') === VOTE_PABULIB_FORMAT;
}

/**
 * Reads a Co-Commission vote back into the count's input: proposals in file order (their
 * listed order, the council tie-break), ballots as written.
 * @throws PabulibError naming the line when anything is missing or does not fit
 */
export function readVotePabulib(file: PabulibFile): CountInput & { ballots: Ballot[] } {
	const metaJson = <T>(key: string, schema: z.ZodType<T>, required: boolean): T | undefined => {
		const i = file.meta.findIndex(([k]) => k === key);
		const line = i < 0 ? 0 : (file.metaLines[i] ?? 0);
		if (i < 0) {
			if (required) throw new PabulibError(0, `META has no "${key}", which this vote needs`);
			return undefined;
		}
		let value: unknown;
		try {
			value = JSON.parse(file.meta[i][1]);
		} catch {
			throw new PabulibError(line, `META "${key}" is not valid JSON`);
		}
		const parsed = schema.safeParse(value);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new PabulibError(
				line,
				`META "${key}": ${issue.path.join('.') || 'value'}: ${issue.message}`
			);
		}
		return parsed.data;
	};
	const rules = metaJson('rules', RulesSchema, true)!;
	const segments = metaJson('segments', z.array(SegmentSchema).max(200), true)!;
	const population = metaJson('population', z.array(PopulationCellSchema).max(100_000), false);
	const segmentTotals = metaJson('segment_totals', z.array(SegmentTotalsSchema).max(200), false);

	const pr = file.projects;
	const col = (section: PabulibFile['projects'], name: string, what: string) => {
		const c = section.columns.indexOf(name);
		if (c < 0) throw new PabulibError(0, `${what} has no "${name}" column`);
		return c;
	};
	const pc = Object.fromEntries(
		['project_id', 'name', 'kind', 'amount', 'service', 'affects'].map((n) => [
			n,
			col(pr, n, 'PROJECTS')
		])
	);
	const proposals: Proposal[] = pr.rows.map((row, r) => {
		const parsed = ProposalSchema.safeParse({
			id: row[pc.project_id],
			title: row[pc.name],
			kind: row[pc.kind],
			amount: /^\d+$/.test(row[pc.amount]) ? Number(row[pc.amount]) : row[pc.amount],
			service: row[pc.service],
			affects: row[pc.affects] === '' ? [] : row[pc.affects].split(',')
		});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new PabulibError(pr.lines[r] ?? 0, `${issue.path.join('.')}: ${issue.message}`);
		}
		return parsed.data;
	});

	const ids = new Set(proposals.map((p) => p.id));
	const segmentIds = new Set(segments.map((s) => s.id));
	const vs = file.votes;
	const vc = Object.fromEntries(VOTE_COLUMNS.slice(1).map((n) => [n, col(vs, n, 'VOTES')]));
	const ballots: Ballot[] = vs.rows.map((row, r) => {
		const line = vs.lines[r] ?? 0;
		const list = (name: string, known: ReadonlySet<string>, what: string) => {
			const value = row[vc[name]];
			if (value === '') return [];
			const items = value.split(',').map((s) => s.trim());
			for (const id of items)
				if (!known.has(id)) throw new PabulibError(line, `${name} names "${id}", not a ${what}`);
			return items;
		};
		const marks: Ballot['marks'] = {};
		for (const id of list('vote', ids, 'project')) marks[id] = 'want';
		for (const id of list('dont_want', ids, 'project')) {
			if (marks[id]) throw new PabulibError(line, `"${id}" is both wanted and not wanted`);
			marks[id] = 'dontWant';
		}
		const channel = row[vc.voting_method] as Channel;
		if (!CHANNELS.includes(channel))
			throw new PabulibError(line, `voting_method "${channel}" is not ${CHANNELS.join(', ')}`);
		return {
			marks,
			uses: list('uses', ids, 'project'),
			segments: list('segments', segmentIds, 'segment'),
			area: row[vc.neighborhood] === '' ? null : row[vc.neighborhood],
			ageBand: row[vc.age_band] === '' ? null : row[vc.age_band],
			channel
		};
	});
	return {
		proposals,
		segments,
		ballots,
		rules,
		...(population ? { population } : {}),
		...(segmentTotals ? { segmentTotals } : {})
	};
}
