import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { roomVote } from '../test/vote-db';
import { turnoutResponse } from './budget/turnout';
import * as fanout from './lab/fanout';
import { liveResponse } from './lab/stream';
import { libraryLab as labDb } from '../test/lab-db';
import { openStream, openStreams, type StreamLimits } from './live-streams';

/** Every stream a test opened, cancelled after it: the slots are shared by the process. */
const opened: ReadableStreamDefaultReader<Uint8Array>[] = [];
afterEach(async () => {
	for (const r of opened.splice(0)) await r.cancel();
});

/** Opens a lab stream the way the route does and reads its first chunk. */
async function labStream(
	db: ReturnType<typeof labDb>['db'],
	labId: number,
	address: string,
	limits: StreamLimits,
	track = true
) {
	const response = openStream(address, `lab:${labId}`, limits, (release) =>
		liveResponse(db, labId, { onClose: release })
	);
	if (response.status !== 200) return { response, reader: null };
	const reader = response.body!.getReader();
	await reader.read();
	if (track) opened.push(reader);
	return { response, reader };
}

describe('live stream limits', () => {
	it('answer 429 over the limit per address, and take the stream back when it closes', async () => {
		const { db, labId } = labDb();
		const limits = { perAddress: 3, perTarget: 100 };
		const streams = [];
		for (let i = 0; i < 5; i++) streams.push(await labStream(db, labId, 'one-address', limits));
		expect(streams.map((o) => o.response.status)).toEqual([200, 200, 200, 429, 429]);
		expect(streams[3].response.headers.get('retry-after')).toBe('30');
		// Another address is not held back by the first.
		expect((await labStream(db, labId, 'another', limits)).response.status).toBe(200);
		await streams[0].reader!.cancel();
		expect((await labStream(db, labId, 'one-address', limits)).response.status).toBe(200);
	});

	it('answer 429 over the limit per lab, whatever the address', async () => {
		const { db, labId } = labDb();
		const limits = { perAddress: 100, perTarget: 2 };
		const statuses = [];
		for (let i = 0; i < 3; i++)
			statuses.push((await labStream(db, labId, `phone-${i}`, limits)).response.status);
		expect(statuses).toEqual([200, 200, 429]);
	});

	it('keep nothing once every stream has closed: no slots, no listeners, no timers', async () => {
		const { db, labId } = labDb();
		const before = openStreams.size();
		const limits = { perAddress: 1000, perTarget: 1000 };
		const readers = [];
		for (let i = 0; i < 50; i++) readers.push((await labStream(db, labId, 'x', limits)).reader!);
		expect(openStreams.size().streams).toBe(before.streams + 50);
		expect(fanout.listenerCount(labId)).toBe(50);
		for (const r of readers) await r.cancel();
		expect(openStreams.size()).toEqual(before);
		expect(fanout.listenerCount(labId)).toBe(0);
	});

	it('give back the slot of a room turnout stream when it closes', async () => {
		const { db, round } = roomVote(5);
		const limits = { perAddress: 1, perTarget: 1 };
		const open = () =>
			openStream('projector', `round:${round.id}`, limits, (release) =>
				turnoutResponse(db, round.id, { onClose: release })
			);
		const first = open();
		expect(open().status).toBe(429);
		await first.body!.cancel();
		const again = open();
		expect(again.status).toBe(200);
		await again.body!.cancel();
	});

	it('release the memory of a thousand streams once they close', async () => {
		setFlagsFromString('--expose_gc');
		const gc = runInNewContext('gc') as () => void;
		const { db, labId } = labDb();
		const limits = { perAddress: 5000, perTarget: 5000 };
		const heap = () => {
			gc();
			gc();
			return process.memoryUsage().heapUsed;
		};
		/** Opens a thousand streams from one address, and returns the heap while they are open. */
		const flood = async () => {
			const readers = [];
			for (let i = 0; i < 1000; i++)
				readers.push((await labStream(db, labId, 'flood', limits, false)).reader!);
			const open = heap();
			for (const r of readers) await r.cancel();
			return open;
		};
		// A first flood compiles and caches what any stream needs once; that memory stays.
		await flood();
		const base = heap();
		const held = (await flood()) - base;
		const left = heap() - base;
		// Open, the streams hold megabytes; closed, they are all free again.
		expect(held).toBeGreaterThan(2_000_000);
		expect(left).toBeLessThan(held / 20);
		expect(openStreams.size()).toEqual({ streams: 0, addresses: 0, targets: 0 });
		expect(fanout.listenerCount(labId)).toBe(0);
	});
});
