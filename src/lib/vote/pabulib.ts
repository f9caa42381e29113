/**
 * A council want / don't-want vote as a Pabulib `.pb` file that holds everything its count
 * needs, so that `npm run count -- vote.pb` recounts the published vote to the official digest
 * and every decision (docs/counting.md, rules version 2).
 *
 * Pabulib tools read it as an ordinary approval vote: PROJECTS are the proposals (`cost` in
 * pounds), VOTES list each voter's wants in `vote`. The extra columns and META keys carry the
 * rest, and a file with META `format` = `co-commission/vote/2` is read back in full:
 * - PROJECTS `amount` (exact, in pence), `kind` (saving | development), `service` (an id),
 *   `affects` (the groups declared as depending on it: segment ids and `users`,
 *   comma-separated), `dont_wants`, `selected` (1 when the official count funds or accepts it)
 *   and `decision` (fund, accept, protected, marginal, notNeeded, notSelected).
 * - VOTES `dont_want` (proposals marked Don't want), `neighborhood` (area), `age_band` (only
 *   when population weighting is by age band), `voting_method` (the channel) and `assured`
 *   (1: backed by a code or checked by staff; 0: an open ballot). One row per ballot, voter ids
 *   numbered from 1. Nobody's service use or groups appear per ballot.
 * - META `rules` (every counting rule, the population table included), `segments`, and `groups`
 *   (JSON): each proposal's group figures as totals, for every combination of its declared
 *   groups and for every group not declared for it, among all ballots and among assured ones,
 *   which is all the count needs of groups (see publishable.ts).
 * The input written is the publishable one. A `co-commission/vote/1` file (rules version 1) is
 * refused with a message saying so: version 2 counts it by other rules, so it could not
 * reproduce that file's official result.
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return, and not a number) is written with an apostrophe in front, as in the CSV exports; a
 * field that already starts with apostrophes before such text gets one more. The reader
 * (pabulib.ts `restoreField`) takes exactly one off, so titles read back as entered and the
 * recount's digest is the official one.
 */
import { z } from 'zod';
import { metaValue, PabulibError, writePabulib, type PabulibFile } from '../budget/pabulib';
import { GroupTotalsSchema, ProposalSchema, RulesSchema, SegmentSchema } from '../budget/schemas';
import {
	CHANNELS,
	type Ballot,
	type Channel,
	type CountInput,
	type Decision,
	type GroupTotals,
	type Proposal,
	type Rules
} from '../budget/types';

export const VOTE_PABULIB_FORMAT = 'co-commission/vote/2';
/** The format of votes counted under rules version 1, refused with a clear message. */
const VERSION_1_FORMAT = 'co-commission/vote/1';

export interface VotePabulibMeta {
	title: string;
	/** The council's name (Pabulib's `unit`). */
	unit: string;
	/** The vote's id (Pabulib's `instance`). */
	instance: string;
	dateBegin?: string;
	dateEnd?: string;
	/** The official decision of each proposal. */
	decisions: Readonly<Record<string, Decision>>;
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
	'selected',
	'decision'
];
const VOTE_COLUMNS = [
	'voter_id',
	'vote',
	'dont_want',
	'neighborhood',
	'age_band',
	'voting_method',
	'assured'
];

const pounds = (pence: number) =>
	pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);

/** Writes the (publishable) input of a vote as `.pb` text. */
export function writeVotePabulib(
	input: CountInput & { rules: Rules; groups: GroupTotals[] },
	meta: VotePabulibMeta
): string {
	const votes: string[][] = [];
	for (const b of input.ballots) {
		const marked = (m: string) =>
			input.proposals.filter((p) => b.marks[p.id] === m).map((p) => p.id);
		const row = [
			'',
			marked('want').join(','),
			marked('dontWant').join(','),
			b.area ?? '',
			b.ageBand ?? '',
			b.channel,
			b.assured ? '1' : '0'
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
			['rule', input.rules.developments === 'greedy' ? 'greedy' : 'equalshares'],
			['date_begin', meta.dateBegin ?? ''],
			['date_end', meta.dateEnd ?? ''],
			['currency', 'GBP'],
			[
				'comment',
				"Co-Commission want / don't-want vote (counting rules version 2). 'vote' lists the proposals a voter marked Want (approvals); 'dont_want' those marked Don't want (no view = neither). kind=saving: a saving (cost = the saving); kind=development: new spending. 'decision' = the official decision; 'selected' = 1 when funded or accepted. Anonymised: voter ids are sequence numbers; service use and groups appear only as totals in META groups. Recount with Co-Commission: npx co-commission-count <this file> --json"
			],
			['format', VOTE_PABULIB_FORMAT],
			['rules', json(input.rules)],
			['segments', json(input.segments)],
			['groups', json(input.groups)]
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
				['fund', 'accept'].includes(meta.decisions[p.id]) ? '1' : '0',
				meta.decisions[p.id] ?? ''
			]),
			lines: []
		},
		votes: { columns: VOTE_COLUMNS, rows, lines: [] }
	};
	return writePabulib(file);
}

/** Whether a parsed `.pb` file is a Co-Commission vote (else it is a plain Pabulib election). */
export function isVotePabulib(file: PabulibFile): boolean {
	const format = metaValue(file, 'format');
	return format === VOTE_PABULIB_FORMAT || format === VERSION_1_FORMAT;
}

/**
 * Reads a Co-Commission vote back into the count's input: proposals in file order (their
 * listed order, the council tie-break), ballots as written.
 * @throws PabulibError naming the line when anything is missing or does not fit
 */
export function readVotePabulib(file: PabulibFile): CountInput & { ballots: Ballot[] } {
	if (metaValue(file, 'format') === VERSION_1_FORMAT) {
		throw new PabulibError(
			0,
			'This vote was published in format co-commission/vote/1, counted under counting rules version 1; this recount follows version 2, which would count it differently, so it cannot reproduce that official result'
		);
	}
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
	const groups = metaJson('groups', z.array(GroupTotalsSchema).max(1_000_000), true)!;

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
		const assured = row[vc.assured];
		if (assured !== '0' && assured !== '1')
			throw new PabulibError(line, `assured must be 1 or 0, not "${assured}"`);
		return {
			marks,
			uses: [],
			segments: [],
			area: row[vc.neighborhood] === '' ? null : row[vc.neighborhood],
			ageBand: row[vc.age_band] === '' ? null : row[vc.age_band],
			channel,
			assured: assured === '1'
		};
	});
	return { proposals, segments, ballots, rules, groups };
}
