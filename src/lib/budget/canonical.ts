/**
 * The distinct ballots of a count as the canonical JSON texts the digest hashes (digest.ts
 * describes them), sorted by text (UTF-16 code units), one at a time.
 *
 * A million texts would take hundreds of megabytes, so they are never all held. Instead each
 * distinct ballot gets a short sort key whose order is the order of its text: the text lists its
 * fields in a fixed order, each list delimited, so two texts first differ inside a quoted id
 * (compared as quoted text), between "dontWant" and "want", where one list ends ("]") and the
 * other goes on ("," sorts first), where a quoted string meets null (the quote sorts first), or
 * between false and true. The key records exactly those: ranks of the quoted ids, and a high
 * character for the end of a list and for null. The count rides at the end of the key (no key
 * is a prefix of another, so it changes no order).
 */
import { CodeView, CountInputError, type BallotReader } from './tallies';
import { CHANNELS } from './types';

const END = 0xffff;
const NULL = 0xfffe;

/** Ranks of quoted texts (their sort order), and the order itself. */
function rankOf(quoted: readonly string[]) {
	const order = quoted
		.map((_, i) => i)
		.sort((a, b) => (quoted[a] < quoted[b] ? -1 : quoted[a] > quoted[b] ? 1 : 0));
	const rank = new Array<number>(quoted.length);
	order.forEach((x, r) => (rank[x] = r));
	return { rank, order };
}

export function* canonicalTexts(reader: BallotReader): Generator<[string, number]> {
	const { proposals, segments, services } = reader.index;
	const jp = proposals.map((p) => JSON.stringify(p.id));
	const js = segments.map((s) => JSON.stringify(s.id));
	const jv = services.map((s) => JSON.stringify(s));
	const pr = rankOf(jp);
	const sr = rankOf(js);
	const vr = rankOf(jv);
	const jArea = reader.areas.map((a) => JSON.stringify(a));
	const jAge = reader.ages.map((a) => JSON.stringify(a));
	const ar = rankOf(jArea);
	const gr = rankOf(jAge);
	const jChannel = CHANNELS.map((c) => JSON.stringify(c));
	const cr = rankOf(jChannel);
	if (proposals.length * 2 + 2 >= NULL || segments.length + 1 >= NULL) {
		throw new CountInputError('Too many proposals or segments to write a digest');
	}
	const keys: string[] = [];
	const buf: number[] = [];
	const view = new CodeView(reader.distinct);
	for (let e = 0; e < reader.distinct.size; e++) {
		view.at(e);
		const n = view.count;
		buf.length = 0;
		// Marks in proposal order: merge the wants and don't-wants.
		const [w0, wEnd] = view.range('wants');
		const [d0, dEnd] = view.range('dontWants');
		let w = w0;
		let d = d0;
		while (w < wEnd || d < dEnd) {
			const want = d >= dEnd || (w < wEnd && view.value(w) < view.value(d));
			const p = view.value(want ? w++ : d++);
			buf.push(1 + pr.rank[p] * 2 + (want ? 1 : 0));
		}
		buf.push(END);
		for (const list of ['uses', 'verified'] as const) {
			const [from, to] = view.range(list);
			for (let k = from; k < to; k++) buf.push(1 + vr.rank[view.value(k)]);
			buf.push(END);
		}
		const [s0, s1] = view.range('segments');
		for (let k = s0; k < s1; k++) buf.push(1 + sr.rank[view.value(k)]);
		buf.push(END);
		const area = view.area;
		const age = view.age;
		buf.push(area === 0 ? NULL : 1 + ar.rank[area - 1], age === 0 ? NULL : 1 + gr.rank[age - 1]);
		buf.push(cr.rank[view.channel], view.assured);
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
	const svcText = ['', ...vr.order.map((v) => jv[v])];
	const segText = ['', ...sr.order.map((x) => js[x])];
	const areaText = (c: number) => (c === NULL ? 'null' : jArea[ar.order[c - 1]]);
	const ageText = (c: number) => (c === NULL ? 'null' : jAge[gr.order[c - 1]]);
	const listText = (key: string, i: number, pieces: readonly string[]): [string, number] => {
		let text = '';
		if (key.charCodeAt(i) !== END) {
			text += pieces[key.charCodeAt(i++)];
			while (key.charCodeAt(i) !== END) text += ',' + pieces[key.charCodeAt(i++)];
		}
		return [text, i + 1];
	};
	for (const key of keys) {
		let i = 0;
		let part: string;
		[part, i] = listText(key, i, marksText);
		let text = `{"marks":[${part}],"uses":[`;
		[part, i] = listText(key, i, svcText);
		text += `${part}],"verifiedUses":[`;
		[part, i] = listText(key, i, svcText);
		text += `${part}],"segments":[`;
		[part, i] = listText(key, i, segText);
		text += `${part}],"area":${areaText(key.charCodeAt(i++))}`;
		text += `,"ageBand":${ageText(key.charCodeAt(i++))}`;
		text += `,"channel":${jChannel[cr.order[key.charCodeAt(i++)]]}`;
		text += `,"assured":${key.charCodeAt(i++) ? 'true' : 'false'}}`;
		const n =
			key.charCodeAt(i) * 2 ** 48 +
			key.charCodeAt(i + 1) * 2 ** 32 +
			key.charCodeAt(i + 2) * 2 ** 16 +
			key.charCodeAt(i + 3);
		yield [text, n];
	}
}
