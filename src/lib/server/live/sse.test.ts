import { describe, expect, it } from 'vitest';
import { dataOf, readMessages } from '../../test/sse';
import { createFanout } from './fanout';
import { eventStream, type LiveSource, type StreamOptions } from './sse';

interface Tally {
	kind: 'snapshot' | 'change';
	n: number;
}

/** A screen watching a tally: a fan-out of its changes and the tally now. */
function tallyStream(options: StreamOptions & { missing?: boolean } = {}) {
	const fanout = createFanout<string, Tally>('tally');
	const state = { n: 0, snapshots: 0, closed: 0 };
	const source: LiveSource<Tally> = {
		subscribe: (send) => fanout.subscribe('t', send),
		snapshot() {
			state.snapshots++;
			return options.missing ? undefined : { kind: 'snapshot', n: state.n };
		},
		id: (event) => event.n
	};
	const change = () => fanout.publish('t', { kind: 'change', n: ++state.n });
	const open = () =>
		eventStream(source, { onClose: () => state.closed++, ...options }).body!.getReader();
	return { fanout, state, change, open };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a live stream', () => {
	it('sends a retry hint, a snapshot, then each change with its id', async () => {
		const { change, open } = tallyStream({ batchMs: 0 });
		const reader = open();
		const first = await readMessages(reader, 1);
		expect(first[0].retry).toBe('2000');
		expect(first[1]).toEqual({ id: '0', data: JSON.stringify({ kind: 'snapshot', n: 0 }) });
		change();
		change();
		const next = await readMessages(reader, 2);
		expect(next.map((m) => m.id)).toEqual(['1', '2']);
		expect(dataOf<Tally>(next).map((e) => e.kind)).toEqual(['change', 'change']);
		await reader.cancel();
	});

	it('sends no id for a source without one', async () => {
		const { fanout } = tallyStream();
		const response = eventStream<Tally>({
			subscribe: (send) => fanout.subscribe('t', send),
			snapshot: () => ({ kind: 'snapshot', n: 7 })
		});
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reader = response.body!.getReader();
		const [, snapshot] = await readMessages(reader, 1);
		expect(snapshot).toEqual({ data: JSON.stringify({ kind: 'snapshot', n: 7 }) });
		await reader.cancel();
	});

	it('writes changes that come within the batch window together, and the first at once', async () => {
		const { change, open } = tallyStream({ batchMs: 40 });
		const reader = open();
		await readMessages(reader, 1);
		await sleep(50);
		change();
		const alone = new TextDecoder().decode((await reader.read()).value);
		expect(alone.match(/^id: /gm)).toHaveLength(1);
		change();
		change();
		change();
		const together = new TextDecoder().decode((await reader.read()).value);
		expect(together.match(/^id: /gm)).toEqual(['id: ', 'id: ', 'id: ']);
		await reader.cancel();
	});

	it('sends a comment while nothing happens, to keep the connection open', async () => {
		const { open } = tallyStream({ heartbeatMs: 20 });
		const reader = open();
		await readMessages(reader, 1);
		await sleep(30);
		expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^(: keep-alive\n\n)+$/);
		await reader.cancel();
	});

	it('gives a screen that reconnects a fresh snapshot, not the changes it missed', async () => {
		const { change, open, state } = tallyStream({ batchMs: 0 });
		const first = open();
		await readMessages(first, 1);
		await first.cancel();
		for (let i = 0; i < 5; i++) change();
		const again = open();
		const messages = await readMessages(again, 1);
		expect(dataOf<Tally>(messages)).toEqual([{ kind: 'snapshot', n: 5 }]);
		expect(state.snapshots).toBe(2);
		await again.cancel();
	});

	it('lets go of its listener and its slot once when the screen leaves', async () => {
		const { fanout, open, state } = tallyStream();
		const reader = open();
		await readMessages(reader, 1);
		expect(fanout.listenerCount('t')).toBe(1);
		await reader.cancel();
		expect(fanout.listenerCount('t')).toBe(0);
		expect(state.closed).toBe(1);
	});

	it('closes the stream of a screen that stopped reading, so it reconnects to a snapshot', async () => {
		const { change, fanout, open, state } = tallyStream({ maxQueued: 3, batchMs: 0 });
		const reader = open();
		for (let i = 0; i < 10; i++) change();
		expect(fanout.listenerCount('t')).toBe(0);
		expect(state.closed).toBe(1);
		await reader.cancel();
	});

	it('ends at once when the thing watched has gone', async () => {
		const { fanout, open, state } = tallyStream({ missing: true });
		const reader = open();
		const messages = await readMessages(reader, 1);
		expect(messages).toEqual([{ retry: '2000' }]);
		expect((await reader.read()).done).toBe(true);
		expect(fanout.listenerCount('t')).toBe(0);
		expect(state.closed).toBe(1);
	});
});

describe('a fan-out', () => {
	it('reaches every listener of a key, and only them, though one of them throws', () => {
		const fanout = createFanout<number, string>('test');
		const heard: string[] = [];
		const error = console.error;
		console.error = () => {};
		try {
			fanout.subscribe(1, () => {
				throw new Error('closed');
			});
			fanout.subscribe(1, (e) => heard.push(`a ${e}`));
			fanout.subscribe(2, (e) => heard.push(`b ${e}`));
			fanout.publish(1, 'x');
		} finally {
			console.error = error;
		}
		expect(heard).toEqual(['a x']);
	});

	it('forgets a key once its last listener has gone', () => {
		const fanout = createFanout<number, string>('test');
		const off = [fanout.subscribe(1, () => {}), fanout.subscribe(1, () => {})];
		expect(fanout.listenerCount(1)).toBe(2);
		off[0]();
		off[0]();
		expect(fanout.listenerCount(1)).toBe(1);
		off[1]();
		expect(fanout.listenerCount(1)).toBe(0);
	});
});
