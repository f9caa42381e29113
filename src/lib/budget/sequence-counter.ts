/**
 * Counts distinct sequences of small whole numbers (0 to 65535), such as a ballot written as
 * proposal and segment indices. A million ballots would otherwise mean a million short strings
 * as Map keys, made and hashed one by one; here the sequences sit end to end in one typed array
 * and an open-addressing hash table points into it.
 */
export class SequenceCounter {
	private arena = new Uint16Array(1 << 12);
	private used = 0;
	private starts = new Int32Array(1 << 8);
	private lengths = new Int32Array(1 << 8);
	private hashes = new Int32Array(1 << 8);
	private counts = new Float64Array(1 << 8);
	private table = new Int32Array(1 << 9).fill(-1);
	/** Number of distinct sequences. */
	size = 0;

	/**
	 * Adds `count` to the sequence `seq[0..length)`.
	 * @throws RangeError for a value outside 0 to 65535
	 */
	add(seq: readonly number[], length: number, count: number): void {
		// FNV-1a over the values (and the length, so [] and [0] differ).
		let h = 0x811c9dc5 ^ length;
		for (let k = 0; k < length; k++) {
			const x = seq[k];
			if (x < 0 || x > 0xffff || x !== (x | 0)) throw new RangeError(`Not a 16-bit value: ${x}`);
			h = Math.imul(h ^ x, 0x01000193);
		}
		const mask = this.table.length - 1;
		for (let i = h & mask; ; i = (i + 1) & mask) {
			const e = this.table[i];
			if (e < 0) {
				this.insert(i, seq, length, h, count);
				return;
			}
			if (this.hashes[e] === h && this.lengths[e] === length && this.same(e, seq, length)) {
				this.counts[e] += count;
				return;
			}
		}
	}

	private same(e: number, seq: readonly number[], length: number): boolean {
		const a = this.arena;
		const s = this.starts[e];
		for (let k = 0; k < length; k++) if (a[s + k] !== seq[k]) return false;
		return true;
	}

	private insert(
		slot: number,
		seq: readonly number[],
		length: number,
		h: number,
		count: number
	): void {
		const e = this.size++;
		if (e === this.starts.length) this.growEntries();
		if (this.used + length > this.arena.length) {
			const bigger = new Uint16Array(Math.max(this.arena.length * 2, this.used + length));
			bigger.set(this.arena);
			this.arena = bigger;
		}
		for (let k = 0; k < length; k++) this.arena[this.used + k] = seq[k];
		this.starts[e] = this.used;
		this.lengths[e] = length;
		this.hashes[e] = h;
		this.counts[e] = count;
		this.used += length;
		this.table[slot] = e;
		if (this.size * 2 > this.table.length) this.rehash();
	}

	private growEntries(): void {
		const n = this.starts.length * 2;
		const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
			const b = make(n);
			b.set(a);
			return b;
		};
		this.starts = grow(this.starts, (k) => new Int32Array(k));
		this.lengths = grow(this.lengths, (k) => new Int32Array(k));
		this.hashes = grow(this.hashes, (k) => new Int32Array(k));
		this.counts = grow(this.counts, (k) => new Float64Array(k));
	}

	private rehash(): void {
		const table = new Int32Array(this.table.length * 2).fill(-1);
		const mask = table.length - 1;
		for (let e = 0; e < this.size; e++) {
			let i = this.hashes[e] & mask;
			while (table[i] >= 0) i = (i + 1) & mask;
			table[i] = e;
		}
		this.table = table;
	}

	/** The count of entry e (0 to size - 1, in the order first seen). */
	count(e: number): number {
		return this.counts[e];
	}

	/** The length of entry e. */
	length(e: number): number {
		return this.lengths[e];
	}

	/** Value k of entry e. */
	at(e: number, k: number): number {
		return this.arena[this.starts[e] + k];
	}

	/** Entry e as an array. */
	values(e: number): number[] {
		const s = this.starts[e];
		return Array.from(this.arena.subarray(s, s + this.lengths[e]));
	}
}
