/**
 * Live fan-out: the changes a screen watches (a lab's board, a room round's turnout), sent from
 * the code that committed them to every stream open on the same thing. In-process: every screen
 * is connected to this app instance.
 *
 * This is the one place to change for a council running several app instances behind a load
 * balancer: `publish` would send the event to PostgreSQL NOTIFY (or a Redis channel) and a
 * single LISTEN/SUBSCRIBE per instance would call the local listeners. A screen that misses an
 * event (an instance restarting) reconnects and is sent a fresh snapshot.
 */

export type Listener<E> = (event: E) => void;

export interface Fanout<K, E> {
	/** Listens to `key`'s events until the returned function is called. */
	subscribe(key: K, listener: Listener<E>): () => void;
	/**
	 * Sends an event to everyone listening to `key`. Call after the change is committed. A
	 * listener that throws (a closed connection) does not stop the others.
	 */
	publish(key: K, event: E): void;
	/** How many streams are listening to `key` (for tests and the facilitator's console). */
	listenerCount(key: K): number;
}

/**
 * A fan-out of `E` events by key; `name` says whose in the log when a listener fails. Each tool
 * makes one at module level: who is listening now, the only state it keeps. It holds no user
 * data beyond the events in flight, and is rebuilt by reconnecting screens after a restart.
 */
export function createFanout<K, E>(name: string): Fanout<K, E> {
	const channels = new Map<K, Set<Listener<E>>>();
	return {
		subscribe(key, listener) {
			let set = channels.get(key);
			if (!set) {
				set = new Set();
				channels.set(key, set);
			}
			set.add(listener);
			return () => {
				const current = channels.get(key);
				if (!current) return;
				current.delete(listener);
				if (current.size === 0) channels.delete(key);
			};
		},
		publish(key, event) {
			const set = channels.get(key);
			if (!set) return;
			for (const listener of [...set]) {
				try {
					listener(event);
				} catch (e) {
					console.error(`${name} ${String(key)}: a live listener failed`, e);
				}
			}
		},
		listenerCount(key) {
			return channels.get(key)?.size ?? 0;
		}
	};
}
