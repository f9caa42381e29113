import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSource } from './live-source.svelte';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeSource {
	static readonly CONNECTING = 0;
	static readonly OPEN = 1;
	static readonly CLOSED = 2;
	static made: FakeSource[] = [];
	readyState = FakeSource.CONNECTING;
	onopen: (() => void) | null = null;
	onmessage: ((message: { data: string }) => void) | null = null;
	onerror: (() => void) | null = null;
	constructor(readonly url: string) {
		FakeSource.made.push(this);
	}
	open() {
		this.readyState = FakeSource.OPEN;
		this.onopen?.();
	}
	send(event: unknown) {
		this.onmessage?.({ data: JSON.stringify(event) });
	}
	/** The browser gave up (the server refused, or is down). */
	fail() {
		this.readyState = FakeSource.CLOSED;
		this.onerror?.();
	}
	close() {
		this.readyState = FakeSource.CLOSED;
	}
}

beforeEach(() => {
	FakeSource.made = [];
	vi.useFakeTimers();
	vi.stubGlobal('EventSource', FakeSource);
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

const latest = () => FakeSource.made.at(-1)!;

describe('LiveSource', () => {
	it('hands each message over parsed, and says it is live', () => {
		const heard: unknown[] = [];
		const live = new LiveSource<{ n: number }>('/room/ABCDEF/events', (e) => heard.push(e));
		live.connect();
		expect(live.status).toBe('connecting');
		expect(latest().url).toBe('/room/ABCDEF/events');
		latest().open();
		latest().send({ n: 1 });
		expect(live.status).toBe('live');
		expect(heard).toEqual([{ n: 1 }]);
		live.close();
	});

	it('tries again after the browser gave up, each time waiting longer', () => {
		const live = new LiveSource('/x', () => {});
		live.connect();
		latest().fail();
		expect(live.status).toBe('offline');
		vi.advanceTimersByTime(999);
		expect(FakeSource.made).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(FakeSource.made).toHaveLength(2);
		expect(live.status).toBe('reconnecting');
		latest().fail();
		vi.advanceTimersByTime(1_999);
		expect(FakeSource.made).toHaveLength(2);
		vi.advanceTimersByTime(1);
		expect(FakeSource.made).toHaveLength(3);
		live.close();
	});

	it('reconnects at once to resync, closing the old connection', () => {
		const live = new LiveSource('/x', () => {});
		live.connect();
		const first = latest();
		live.resync();
		expect(first.readyState).toBe(FakeSource.CLOSED);
		vi.advanceTimersByTime(0);
		expect(FakeSource.made).toHaveLength(2);
		live.close();
	});

	it('stays closed once closed', () => {
		const live = new LiveSource('/x', () => {});
		live.connect();
		latest().fail();
		live.close();
		vi.advanceTimersByTime(60_000);
		expect(FakeSource.made).toHaveLength(1);
	});
});
