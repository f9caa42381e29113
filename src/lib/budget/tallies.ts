/**
 * One pass over the ballots: checks each one, groups identical ballots (for the digest and for
 * Equal Shares) and adds up wants and don't-wants by segment, area, channel and service use.
 *
 * Ballots may come from a generator, so nothing here keeps a ballot once it is counted: only
 * the totals, a compact code for each distinct ballot, and each distinct set of wanted
 * developments. (A generator may even reuse one ballot object for every ballot.) Totals are kept apart per weighting cell (area, or area and age band), so that
 * population weights, which depend on every ballot, can be applied at the end.
 */
import { SequenceCounter } from './sequence-counter';
import {
	CHANNELS,
	type Ballot,
	type Channel,
	type Mark,
	type Proposal,
	type ProposalTallies,
	type Rules,
	type Segment,
	type Tally
} from './types';

/** Fewer ballots than this in a cell and its figures are suppressed when published. */
export const SUPPRESS_BELOW = 10;

/** Input that does not describe a valid vote (the message names the ballot or proposal). */
export class CountInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CountInputError';
	}
}

/** The input's proposals and segments, indexed. */
export interface CountIndex {
	proposals: readonly Proposal[];
	segments: readonly Segment[];
	rules: Rules;
	proposalIndex: Map<string, number>;
	segmentIndex: Map<string, number>;
	/** Service index per proposal, and the proposals of each service. */
	serviceOf: Int32Array;
	proposalsByService: number[][];
	/** Indices of development proposals, in listed order, and each proposal's place among them. */
	developments: number[];
	developmentIndex: Int32Array;
	/** How ballots fall into weighting cells. */
	cells: 'none' | 'area' | 'areaAge';
}

/**
 * Checks proposals and segments and indexes them.
 * @throws CountInputError on duplicate ids or a declared group that is not a segment
 */
export function indexInput(
	proposals: readonly Proposal[],
	segments: readonly Segment[],
	rules: Rules,
	cells: CountIndex['cells']
): CountIndex {
	const segmentIndex = new Map<string, number>();
	segments.forEach((s, i) => {
		if (segmentIndex.has(s.id)) throw new CountInputError(`Segment "${s.id}" is listed twice`);
		segmentIndex.set(s.id, i);
	});
	const proposalIndex = new Map<string, number>();
	const services = new Map<string, number>();
	const serviceOf = new Int32Array(proposals.length);
	const proposalsByService: number[][] = [];
	const developments: number[] = [];
	const developmentIndex = new Int32Array(proposals.length).fill(-1);
	// Sets of wanted developments are keyed one character per development.
	if (proposals.length > 0xffff)
		throw new CountInputError('A vote can have at most 65,535 proposals');
	proposals.forEach((p, i) => {
		if (proposalIndex.has(p.id)) throw new CountInputError(`Proposal "${p.id}" is listed twice`);
		proposalIndex.set(p.id, i);
		if (p.kind !== 'saving' && p.kind !== 'development') {
			throw new CountInputError(`Proposal "${p.id}" must be a saving or a development`);
		}
		if (!Number.isSafeInteger(p.amount) || p.amount < 0) {
			throw new CountInputError(`Proposal "${p.id}" needs an amount in whole pence of at least 0`);
		}
		for (const s of p.affects) {
			if (!segmentIndex.has(s)) {
				throw new CountInputError(`Proposal "${p.id}" affects "${s}", which is not a segment`);
			}
		}
		let svc = services.get(p.service);
		if (svc === undefined) {
			svc = proposalsByService.length;
			services.set(p.service, svc);
			proposalsByService.push([]);
		}
		serviceOf[i] = svc;
		proposalsByService[svc].push(i);
		if (p.kind === 'development') {
			developmentIndex[i] = developments.length;
			developments.push(i);
		}
	});
	return {
		proposals,
		segments,
		rules,
		proposalIndex,
		segmentIndex,
		serviceOf,
		proposalsByService,
		developments,
		developmentIndex,
		cells
	};
}

/** Raw (unweighted) totals of the ballots in one weighting cell. */
interface CellTotals {
	/** Dimensions: 0 overall, then segments, then channels. Per dimension, per proposal: W, D. */
	marks: Float64Array;
	/** Ballots per dimension. */
	ballots: Float64Array;
	/** Per area index: ballots and marks. */
	areas: Map<number, { ballots: number; marks: Float64Array }>;
	/** Users of each proposal's service: marks, and ballots. */
	userMarks: Float64Array;
	userBallots: Float64Array;
}

/** What the pass over the ballots leaves behind. */
export class BallotAggregate {
	readonly index: CountIndex;
	/** Distinct ballots as compact codes (see `add` and `canonicalTexts`), with how many. */
	readonly distinct = new SequenceCounter();
	private readonly ageIndex = new Map<string, number>();
	private readonly ages: string[] = [];
	private readonly code: number[] = [];
	private readonly cellById = new Map<number, number>();
	/** Weighting cells: key -> index. The key '' holds ballots without a cell answer. */
	readonly cellIndex = new Map<string, number>();
	readonly cellKeys: string[] = [];
	private readonly cells: CellTotals[] = [];
	readonly areaIndex = new Map<string, number>();
	readonly areas: string[] = [];
	/** Distinct sets of wanted developments, per cell: the cell, then each development's index. */
	readonly wantSets = new SequenceCounter();
	/** Raw ballots per channel. */
	readonly channelBallots = new Float64Array(CHANNELS.length);
	total = 0;

	private readonly P: number;
	private readonly S: number;
	private readonly jsonProposal: string[];
	private readonly jsonSegment: string[];
	// Per-ballot scratch, reused.
	private readonly marked: number[] = [];
	private readonly markOf: Int8Array;
	private readonly usedService: Int32Array;
	private readonly segs: number[] = [];
	private readonly segSeen: Int32Array;
	private readonly useSeen: Int32Array;
	private readonly uses: number[] = [];
	private readonly services: number[] = [];
	private readonly dims: number[] = [];
	private ballotNo = 0;

	constructor(index: CountIndex) {
		this.index = index;
		this.P = index.proposals.length;
		this.S = index.segments.length;
		this.jsonProposal = index.proposals.map((p) => JSON.stringify(p.id));
		this.jsonSegment = index.segments.map((s) => JSON.stringify(s.id));
		this.markOf = new Int8Array(this.P);
		this.usedService = new Int32Array(index.proposalsByService.length).fill(-1);
		this.segSeen = new Int32Array(this.S).fill(-1);
		this.useSeen = new Int32Array(this.P).fill(-1);
	}

	private cell(key: string): CellTotals {
		let c = this.cellIndex.get(key);
		if (c === undefined) {
			c = this.cells.length;
			this.cellIndex.set(key, c);
			this.cellKeys.push(key);
			const dims = 1 + this.S + CHANNELS.length;
			this.cells.push({
				marks: new Float64Array(dims * this.P * 2),
				ballots: new Float64Array(dims),
				areas: new Map(),
				userMarks: new Float64Array(this.P * 2),
				userBallots: new Float64Array(this.P)
			});
		}
		return this.cells[c];
	}

	private fail(problem: string): never {
		throw new CountInputError(`Ballot ${this.ballotNo}: ${problem}`);
	}

	/**
	 * Checks one ballot and counts it.
	 * @throws CountInputError naming the ballot (1-based) and the problem
	 */
	add(ballot: Ballot): void {
		this.ballotNo++;
		const ix = this.index;
		const rules = ix.rules;
		const count = ballot.count ?? 1;
		if (!Number.isSafeInteger(count) || count < 1)
			this.fail('count must be a whole number of at least 1');
		const channel = CHANNELS.indexOf(ballot.channel as Channel);
		if (channel < 0) this.fail(`unknown channel "${String(ballot.channel)}"`);
		const area = ballot.area ?? null;
		if (area !== null && typeof area !== 'string') this.fail('area must be text or null');
		const ageBand = ballot.ageBand ?? null;
		if (ageBand !== null && typeof ageBand !== 'string') this.fail('age band must be text or null');

		// Marks, in listed order.
		const marked = this.marked;
		marked.length = 0;
		let wants = 0;
		let dontWants = 0;
		const marks = ballot.marks;
		if (typeof marks !== 'object' || marks === null) this.fail('marks must be an object');
		for (const id in marks) {
			const p = ix.proposalIndex.get(id);
			if (p === undefined) this.fail(`marks proposal "${id}", which is not in this vote`);
			const m = marks[id] as Mark | null | undefined;
			// No mark (or an explicit null) is no view.
			if (m === undefined || m === null) continue;
			if (m === 'want') {
				this.markOf[p] = 0;
				wants++;
			} else if (m === 'dontWant') {
				this.markOf[p] = 1;
				dontWants++;
			} else this.fail(`mark for "${id}" must be "want" or "dontWant"`);
			marked.push(p);
		}
		if (rules.maxWants > 0 && wants > rules.maxWants) {
			this.fail(`${wants} wants, more than the limit of ${rules.maxWants}`);
		}
		if (rules.maxDontWants > 0 && dontWants > rules.maxDontWants) {
			this.fail(`${dontWants} don't-wants, more than the limit of ${rules.maxDontWants}`);
		}
		sortSmall(marked);

		const uses = this.uses;
		uses.length = 0;
		const services = this.services;
		services.length = 0;
		const stamp = this.ballotNo;
		if (!Array.isArray(ballot.uses)) this.fail('uses must be a list');
		for (const id of ballot.uses) {
			const p = ix.proposalIndex.get(id);
			if (p === undefined)
				this.fail(`says it uses the service of "${id}", which is not in this vote`);
			if (this.useSeen[p] === stamp) continue;
			this.useSeen[p] = stamp;
			uses.push(p);
			const svc = ix.serviceOf[p];
			if (this.usedService[svc] !== stamp) {
				this.usedService[svc] = stamp;
				services.push(svc);
			}
		}
		sortSmall(uses);

		const segs = this.segs;
		segs.length = 0;
		if (!Array.isArray(ballot.segments)) this.fail('segments must be a list');
		for (const id of ballot.segments) {
			const s = ix.segmentIndex.get(id);
			if (s === undefined) this.fail(`names segment "${id}", which is not in this vote`);
			if (this.segSeen[s] === stamp) continue;
			this.segSeen[s] = stamp;
			segs.push(s);
		}
		sortSmall(segs);

		// A compact code for this ballot (small numbers), to group identical ones; the canonical
		// text for the digest is written once per distinct ballot, at the end.
		const code = this.code;
		code.length = 0;
		const areaNo = area === null ? 0 : this.intern(this.areaIndex, this.areas, area) + 1;
		const ageNo = ageBand === null ? 0 : this.intern(this.ageIndex, this.ages, ageBand) + 1;
		code.push(channel, areaNo, ageNo);
		code.push(segs.length, ...segs, wants);
		for (const p of marked) if (this.markOf[p] === 0) code.push(p);
		code.push(dontWants);
		for (const p of marked) if (this.markOf[p] === 1) code.push(p);
		code.push(...uses);
		this.distinct.add(code, code.length, count);

		// Weighting cell, looked up by number (0: no cell answer).
		const cellId =
			ix.cells === 'area'
				? areaNo
				: ix.cells === 'areaAge' && areaNo && ageNo
					? areaNo * 0x10000 + ageNo
					: 0;
		let cellNo = this.cellById.get(cellId);
		if (cellNo === undefined) {
			const cellKey =
				cellId === 0 ? '' : ix.cells === 'area' ? (area as string) : `${area}\u0000${ageBand}`;
			this.cell(cellKey);
			cellNo = this.cellIndex.get(cellKey) as number;
			this.cellById.set(cellId, cellNo);
		}
		const cell = this.cells[cellNo];

		// Totals: overall, each segment, the channel, the area; users of each service.
		const P2 = this.P * 2;
		const dimsOf = this.dims;
		dimsOf.length = 0;
		dimsOf.push(0);
		for (const s of segs) dimsOf.push(1 + s);
		dimsOf.push(1 + this.S + channel);
		for (const d of dimsOf) cell.ballots[d] += count;
		let areaTotals: { ballots: number; marks: Float64Array } | undefined;
		if (areaNo > 0) {
			const a = areaNo - 1;
			areaTotals = cell.areas.get(a);
			if (!areaTotals) {
				areaTotals = { ballots: 0, marks: new Float64Array(P2) };
				cell.areas.set(a, areaTotals);
			}
			areaTotals.ballots += count;
		}
		for (const p of marked) {
			const slot = p * 2 + this.markOf[p];
			for (const d of dimsOf) cell.marks[d * P2 + slot] += count;
			if (areaTotals) areaTotals.marks[slot] += count;
			if (this.usedService[ix.serviceOf[p]] === stamp) cell.userMarks[slot] += count;
		}
		for (const svc of services) {
			for (const p of ix.proposalsByService[svc]) cell.userBallots[p] += count;
		}
		this.channelBallots[channel] += count;
		this.total += count;

		// The developments it wants, for Equal Shares: the cell, then each development.
		code.length = 0;
		code.push(cellNo);
		for (const p of marked) {
			const dv = ix.developmentIndex[p];
			if (dv >= 0 && this.markOf[p] === 0) code.push(dv);
		}
		this.wantSets.add(code, code.length, count);
	}

	/** The index of a text in a table, adding it if new (indices become single characters). */
	private intern(index: Map<string, number>, list: string[], text: string): number {
		let i = index.get(text);
		if (i === undefined) {
			i = list.length;
			if (i >= 0xfffe) this.fail('too many different areas or age bands');
			index.set(text, i);
			list.push(text);
		}
		return i;
	}

	/**
	 * The distinct ballots as canonical JSON texts (digest.ts describes them) with their counts,
	 * sorted by text (UTF-16 code units), one at a time.
	 *
	 * A million texts would take hundreds of megabytes, so they are never all held. Instead each
	 * distinct ballot gets a short sort key whose order is the order of its text: the text lists
	 * its fields in a fixed order, each list delimited, so two texts first differ inside a quoted
	 * id (compared as quoted text), between "dontWant" and "want", or where one list ends ("]")
	 * and the other goes on ("," sorts first), or where a quoted string meets null (the quote
	 * sorts first). The key records exactly those: ranks of the quoted ids, and a high character
	 * for the end of a list and for null. The count rides at the end of the key (no key is a
	 * prefix of another, so it changes no order).
	 */
	*canonicalTexts(): Generator<[string, number]> {
		const { proposals, segments } = this.index;
		const jp = this.jsonProposal;
		const js = this.jsonSegment;
		const rankOf = (quoted: string[]) => {
			const order = quoted
				.map((_, i) => i)
				.sort((a, b) => (quoted[a] < quoted[b] ? -1 : quoted[a] > quoted[b] ? 1 : 0));
			const rank = new Array<number>(quoted.length);
			order.forEach((x, r) => (rank[x] = r));
			return { rank, order };
		};
		const pr = rankOf(jp);
		const sr = rankOf(js);
		const jArea = this.areas.map((a) => JSON.stringify(a));
		const jAge = this.ages.map((a) => JSON.stringify(a));
		const ar = rankOf(jArea);
		const gr = rankOf(jAge);
		const jChannel = CHANNELS.map((c) => JSON.stringify(c));
		const cr = rankOf(jChannel);
		const END = 0xffff;
		const NULL = 0xfffe;
		if (proposals.length * 2 + 2 >= NULL || segments.length + 1 >= NULL) {
			throw new CountInputError('Too many proposals or segments to write a digest');
		}
		const keys: string[] = [];
		const buf: number[] = [];
		const dc = this.distinct;
		for (let e = 0; e < dc.size; e++) {
			const n = dc.count(e);
			const len = dc.length(e);
			buf.length = 0;
			const nSegs = dc.at(e, 3);
			let i = 4 + nSegs;
			const nWants = dc.at(e, i++);
			let w = i;
			const wEnd = w + nWants;
			let d = wEnd + 1;
			const dEnd = d + dc.at(e, wEnd);
			// Marks in proposal order: merge the wants and don't-wants.
			while (w < wEnd || d < dEnd) {
				const want = d >= dEnd || (w < wEnd && dc.at(e, w) < dc.at(e, d));
				const p = dc.at(e, want ? w++ : d++);
				buf.push(1 + pr.rank[p] * 2 + (want ? 1 : 0));
			}
			buf.push(END);
			for (let u = dEnd; u < len; u++) buf.push(1 + pr.rank[dc.at(e, u)]);
			buf.push(END);
			for (let k = 0; k < nSegs; k++) buf.push(1 + sr.rank[dc.at(e, 4 + k)]);
			buf.push(END);
			const area = dc.at(e, 1);
			const age = dc.at(e, 2);
			buf.push(area === 0 ? NULL : 1 + ar.rank[area - 1], age === 0 ? NULL : 1 + gr.rank[age - 1]);
			buf.push(cr.rank[dc.at(e, 0)]);
			// The count, 16 bits at a time.
			buf.push(
				Math.floor(n / 2 ** 48) & 0xffff,
				Math.floor(n / 2 ** 32) & 0xffff,
				(n >>> 16) & 0xffff,
				n & 0xffff
			);
			keys.push(String.fromCharCode.apply(null, buf));
		}
		// Sorted in buckets by their first two characters, then each bucket natively: the same
		// order as one sort, with shorter comparisons.
		const buckets = new Map<number, string[]>();
		for (const k of keys) {
			const c = k.charCodeAt(0) * 0x10000 + k.charCodeAt(1);
			const bucket = buckets.get(c);
			if (bucket) bucket.push(k);
			else buckets.set(c, [k]);
		}
		keys.length = 0;
		for (const c of [...buckets.keys()].sort((a, b) => a - b)) {
			const bucket = buckets.get(c) as string[];
			bucket.sort();
			for (const k of bucket) keys.push(k);
		}
		buckets.clear();
		// Text pieces by sort character, so each ballot's text is a few joins.
		const markText = (c: number) =>
			`[${jp[pr.order[(c - 1) >> 1]]},${(c - 1) & 1 ? '"want"' : '"dontWant"'}]`;
		const marksText = Array.from({ length: 2 * proposals.length + 1 }, (_, c) =>
			c ? markText(c) : ''
		);
		const useText = ['', ...pr.order.map((p) => jp[p])];
		const segText = ['', ...sr.order.map((x) => js[x])];
		const areaText = (c: number) => (c === NULL ? 'null' : jArea[ar.order[c - 1]]);
		const ageText = (c: number) => (c === NULL ? 'null' : jAge[gr.order[c - 1]]);
		for (const key of keys) {
			let i = 0;
			let text = '{"marks":[';
			if (key.charCodeAt(i) !== END) {
				text += marksText[key.charCodeAt(i++)];
				while (key.charCodeAt(i) !== END) text += ',' + marksText[key.charCodeAt(i++)];
			}
			i++;
			text += '],"uses":[';
			if (key.charCodeAt(i) !== END) {
				text += useText[key.charCodeAt(i++)];
				while (key.charCodeAt(i) !== END) text += ',' + useText[key.charCodeAt(i++)];
			}
			i++;
			text += '],"segments":[';
			if (key.charCodeAt(i) !== END) {
				text += segText[key.charCodeAt(i++)];
				while (key.charCodeAt(i) !== END) text += ',' + segText[key.charCodeAt(i++)];
			}
			i++;
			text += '],"area":' + areaText(key.charCodeAt(i++));
			text += ',"ageBand":' + ageText(key.charCodeAt(i++));
			text += ',"channel":' + jChannel[cr.order[key.charCodeAt(i++)]] + '}';
			const n =
				key.charCodeAt(i) * 2 ** 48 +
				key.charCodeAt(i + 1) * 2 ** 32 +
				key.charCodeAt(i + 2) * 2 ** 16 +
				key.charCodeAt(i + 3);
			yield [text, n];
		}
	}

	/** Raw ballots per weighting cell (cells with an answer only). */
	ballotsByCell(): Map<string, number> {
		const out = new Map<string, number>();
		this.cellKeys.forEach((key, c) => {
			if (key !== '') out.set(key, this.cells[c].ballots[0]);
		});
		return out;
	}

	/** All tallies, with each cell's ballots counted at its weight (1 when not listed). */
	tallies(weightOf: (cellKey: string) => number): ProposalTallies[] {
		const ix = this.index;
		const P = this.P;
		const P2 = P * 2;
		const dims = 1 + this.S + CHANNELS.length;
		const A = this.areas.length;
		// Weighted and raw sums over cells.
		const marksW = new Float64Array(dims * P2);
		const ballotsW = new Float64Array(dims);
		const ballotsR = new Float64Array(dims);
		const areaMarksW = new Float64Array(A * P2);
		const areaBallotsW = new Float64Array(A);
		const areaBallotsR = new Float64Array(A);
		const userMarksW = new Float64Array(P2);
		const userBallotsW = new Float64Array(P);
		const userBallotsR = new Float64Array(P);
		// Cells in key order, not the order ballots arrived in: floating-point sums depend on their
		// order, and the same ballots in another order (grouped for publishing, say) must give
		// the same figures to the last bit. Within a cell every sum is a whole number, so exact.
		const cellOrder = this.cellKeys
			.map((_, c) => c)
			.sort((a, b) => compareText(this.cellKeys[a], this.cellKeys[b]));
		cellOrder.forEach((c) => {
			const cell = this.cells[c];
			const w = weightOf(this.cellKeys[c]);
			for (let k = 0; k < cell.marks.length; k++) marksW[k] += w * cell.marks[k];
			for (let d = 0; d < dims; d++) {
				ballotsW[d] += w * cell.ballots[d];
				ballotsR[d] += cell.ballots[d];
			}
			for (const [a, t] of cell.areas) {
				areaBallotsW[a] += w * t.ballots;
				areaBallotsR[a] += t.ballots;
				for (let k = 0; k < P2; k++) areaMarksW[a * P2 + k] += w * t.marks[k];
			}
			for (let k = 0; k < P2; k++) userMarksW[k] += w * cell.userMarks[k];
			for (let p = 0; p < P; p++) {
				userBallotsW[p] += w * cell.userBallots[p];
				userBallotsR[p] += cell.userBallots[p];
			}
		});
		const areaOrder = this.areas
			.map((_, a) => a)
			.sort((a, b) => compareText(this.areas[a], this.areas[b]));
		return ix.proposals.map((_, p) => {
			const at = (d: number) =>
				makeTally(ballotsR[d], ballotsW[d], marksW[d * P2 + p * 2], marksW[d * P2 + p * 2 + 1]);
			const bySegment: Record<string, Tally> = {};
			ix.segments.forEach((s, i) => (bySegment[s.id] = at(1 + i)));
			const byChannel = {} as Record<Channel, Tally>;
			CHANNELS.forEach((ch, i) => (byChannel[ch] = at(1 + this.S + i)));
			const byArea: Record<string, Tally> = {};
			for (const a of areaOrder) {
				byArea[this.areas[a]] = makeTally(
					areaBallotsR[a],
					areaBallotsW[a],
					areaMarksW[a * P2 + p * 2],
					areaMarksW[a * P2 + p * 2 + 1]
				);
			}
			const overall = at(0);
			const users = makeTally(
				userBallotsR[p],
				userBallotsW[p],
				userMarksW[p * 2],
				userMarksW[p * 2 + 1]
			);
			const nonUsers = makeTally(
				overall.ballots - users.ballots,
				overall.n - users.n,
				overall.wants - users.wants,
				overall.dontWants - users.dontWants
			);
			return { overall, bySegment, byArea, byChannel, users, nonUsers };
		});
	}
}

/** Insertion sort: ballots mark a handful of proposals. */
function sortSmall(xs: number[]): void {
	for (let i = 1; i < xs.length; i++) {
		const x = xs[i];
		let j = i - 1;
		while (j >= 0 && xs[j] > x) {
			xs[j + 1] = xs[j];
			j--;
		}
		xs[j + 1] = x;
	}
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A tally from its counts; shares are 0 for an empty cell. */
export function makeTally(ballots: number, n: number, wants: number, dontWants: number): Tally {
	// Weighted sums of the same ballots can differ from the whole in the last bit; clean that up
	// so a count never shows, say, -0.0000000001 people with no view.
	const noView = Math.max(0, clean(n - wants - dontWants));
	return {
		ballots,
		n,
		wants,
		dontWants,
		noView,
		net: clean(wants - dontWants),
		support: n > 0 ? wants / n : 0,
		opposition: n > 0 ? dontWants / n : 0,
		suppressed: ballots < SUPPRESS_BELOW
	};
}

function clean(x: number): number {
	return Math.abs(x) < 1e-9 ? 0 : x;
}
