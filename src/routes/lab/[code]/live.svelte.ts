import { LiveSource } from '$lib/components/live/live-source.svelte';
import { applyLiveEvent, type BoardView, type LiveEvent } from '$lib/lab/view';

export type { ConnectionStatus } from '$lib/components/live/live-source.svelte';

/**
 * A lab board kept current over the lab's live stream. A gap in versions (an event missed)
 * reconnects at once, and the server answers every connection with a fresh snapshot.
 */
export class LiveBoard {
	view: BoardView = $state.raw() as unknown as BoardView;
	#source: LiveSource<LiveEvent>;
	#onEvent: ((event: LiveEvent, before: BoardView) => void) | undefined;

	constructor(
		initial: BoardView,
		url: string,
		onEvent?: (event: LiveEvent, before: BoardView) => void
	) {
		this.view = initial;
		this.#onEvent = onEvent;
		this.#source = new LiveSource<LiveEvent>(url, (event) => this.#apply(event));
	}

	get status() {
		return this.#source.status;
	}

	connect(): void {
		this.#source.connect();
	}

	/** Takes a view the page loaded (after a form was sent) if it is at least as new. */
	update(view: BoardView): void {
		if (view.version >= this.view.version) this.view = view;
	}

	close(): void {
		this.#source.close();
	}

	#apply(event: LiveEvent): void {
		const before = this.view;
		const { view, resync } = applyLiveEvent(before, event);
		if (resync) return this.#source.resync();
		this.view = view;
		this.#onEvent?.(event, before);
	}
}
