import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../lab/view';
import { createParticipant } from '../codes';
import * as fanout from './fanout';
import { joinLab, postIdea } from './participation';
import { liveResponse } from './stream';
import { readMessages } from '../../test/sse';
import { libraryLab as setUp } from '../../test/lab-db';

describe('the live stream', () => {
	it('sends a retry hint, a snapshot, then each event with the version as its id', async () => {
		const { db, labId } = setUp();
		const response = liveResponse(db, labId, { heartbeatMs: 20 });
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reader = response.body!.getReader();
		const first = await readMessages(reader, 1);
		expect(first[0].retry).toBe('2000');
		const snapshot = JSON.parse(first[1].data!) as LiveEvent;
		expect(snapshot.type).toBe('snapshot');
		expect(first[1].id).toBe(String(snapshot.version));
		expect(fanout.listenerCount(labId)).toBe(1);

		const browser = createParticipant(db);
		const joined = joinLab(db, labId, browser.id, { displayName: 'Ceri', role: null });
		postIdea(
			db,
			labId,
			{ kind: 'participant', labParticipantId: joined.member.id },
			{
				text: 'Open late on Thursdays',
				kind: 'improvesOutcomes',
				contribution: null,
				promptId: 'p1'
			}
		);
		const next = await readMessages(reader, 2);
		const events = next.filter((m) => m.data).map((m) => JSON.parse(m.data!) as LiveEvent);
		expect(events.map((e) => [e.type, e.version])).toEqual([
			['joined', snapshot.version + 1],
			['idea', snapshot.version + 2]
		]);
		// Heartbeats keep the connection open while nothing happens.
		await new Promise((r) => setTimeout(r, 50));
		const { value } = await reader.read();
		expect(new TextDecoder().decode(value)).toContain(': keep-alive');

		await reader.cancel();
		expect(fanout.listenerCount(labId)).toBe(0);
	});

	it('sends events published together in one write', async () => {
		const { db, labId } = setUp();
		const response = liveResponse(db, labId, { batchMs: 30 });
		const reader = response.body!.getReader();
		await readMessages(reader, 1);
		for (let i = 1; i <= 3; i++) {
			fanout.publish(labId, { type: 'joined', version: 100 + i, participantCount: i });
		}
		const { value } = await reader.read();
		const text = new TextDecoder().decode(value);
		expect(text.match(/^id: /gm)).toHaveLength(3);
		await reader.cancel();
	});

	it('closes the stream of a screen that stopped reading, so it reconnects to a snapshot', async () => {
		const { db, labId } = setUp();
		const response = liveResponse(db, labId, { maxQueued: 3, batchMs: 0 });
		const reader = response.body!.getReader();
		for (let i = 0; i < 10; i++) {
			fanout.publish(labId, { type: 'joined', version: 100 + i, participantCount: i });
		}
		expect(fanout.listenerCount(labId)).toBe(0);
		await reader.cancel();
	});
});
