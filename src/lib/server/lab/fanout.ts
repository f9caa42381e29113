/**
 * Live fan-out of board events to the screens watching a lab (projector, phones, the
 * facilitator's console). In-process: every screen is connected to this app instance.
 *
 * This is the one place to change for a council running several app instances behind a load
 * balancer: `publish` would send the event to PostgreSQL NOTIFY (or a Redis channel) and a
 * single LISTEN/SUBSCRIBE per instance would call the local listeners. Events carry the lab's
 * version, so a screen that misses one (an instance restarting) asks for a fresh snapshot.
 */
import type { LiveEvent } from '../../lab/view';

export type Listener = (event: LiveEvent) => void;

// The only module-level state the lab keeps: who is listening now. It holds no user data
// beyond the events in flight, and is rebuilt by reconnecting screens after a restart.
const channels = new Map<number, Set<Listener>>();

/** Listens to a lab's events until the returned function is called. */
export function subscribe(labId: number, listener: Listener): () => void {
	let set = channels.get(labId);
	if (!set) {
		set = new Set();
		channels.set(labId, set);
	}
	set.add(listener);
	return () => {
		const current = channels.get(labId);
		if (!current) return;
		current.delete(listener);
		if (current.size === 0) channels.delete(labId);
	};
}

/**
 * Sends an event to everyone listening to the lab. Call after the change is committed. A
 * listener that throws (a closed connection) does not stop the others.
 */
export function publish(labId: number, event: LiveEvent): void {
	const set = channels.get(labId);
	if (!set) return;
	for (const listener of [...set]) {
		try {
			listener(event);
		} catch (e) {
			console.error(`lab ${labId}: a live listener failed`, e);
		}
	}
}

/** How many screens are listening to a lab (for tests and the facilitator's console). */
export function listenerCount(labId: number): number {
	return channels.get(labId)?.size ?? 0;
}
