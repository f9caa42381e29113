import { untrack } from 'svelte';
import { nextPage, pageCount, previousPage, readScale, stepScale } from './paging';

/** The words on a wall's controls, in the screen's language. */
export interface WallLabels {
	pages: string;
	pageOf: (page: number, count: number) => string;
	previous: string;
	next: string;
	pause: string;
	play: string;
	textSize: string;
	smaller: string;
	larger: string;
}

/** How long each page of a full board stays up. */
const TURN_MS = 20_000;
/** The smallest share of the chosen text size the title, join box and controls may shrink to. */
const MIN_FIT = 0.5;
/** The smallest share of its text size one long card may shrink to before it is cut. */
const MIN_CARD_FIT = 0.35;
/** The board keeps at least this share of the screen's height. */
const MIN_BOARD = 0.45;
const STORAGE_KEY = 'wall-text-scale';

/**
 * A projector screen that fits the wall and never scrolls. The screen is a grid as tall as the
 * window: a title, the board, and a side column with the join box and controls. `layout()`
 * (after every change and resize):
 * 1. shrinks the side column's text (`--side-fit`) until it fits, then all the text together
 *    (`--fit`) while the title and side column still do not fit or leave the board too
 *    little room;
 * 2. shrinks the text of any one card (`--card-fit`) too long for a column on its own, so
 *    text gets smaller before anything is cut;
 * 3. counts the board's pages: cards run on into columns to the right (CSS columns) and each
 *    board's width of them is a page (`./paging.ts`).
 * The pages turn by themselves, unless the screen asks for reduced motion: then they wait for
 * the "Turn the pages" button or "Next page". Every element it measures carries a data
 * attribute: `data-wall` (the screen), `data-side`, `data-board`, `data-pages` (the columns)
 * and `data-card`.
 */
export class Wall {
	/** The page showing, from 0. */
	page = $state(0);
	/** How many pages the board needs. */
	pages = $state(1);
	/** Whether the pages turn by themselves. */
	turning = $state(false);
	/** The text size chosen on this screen (null: the one in the address, or 1). */
	chosen: number | null = $state(null);
	#screen: HTMLElement | null = null;
	#timer: ReturnType<typeof setInterval> | undefined;

	/**
	 * Takes over the screen element (an attachment: `{@attach wall.attach}`): measures it now,
	 * on every resize, and when its fonts load; starts turning pages unless motion is reduced.
	 */
	attach = (screen: HTMLElement) => {
		this.#screen = screen;
		untrack(() => {
			this.turning = !matchMedia('(prefers-reduced-motion: reduce)').matches;
			const saved = readScale(localStorage.getItem(STORAGE_KEY));
			const inAddress = /[?&]scale=/.test(location.search);
			if (saved !== null && !inAddress) this.chosen = saved;
		});
		const observer = new ResizeObserver(() => this.layout());
		observer.observe(screen);
		document.fonts?.ready.then(() => this.layout());
		this.layout();
		return () => {
			observer.disconnect();
			clearInterval(this.#timer);
			this.#screen = null;
		};
	};

	/** The text size for the screen: chosen here, else from the address, else 1. */
	scaleFor(url: URL): number {
		return this.chosen ?? readScale(url.searchParams.get('scale')) ?? 1;
	}

	/** Makes the text one step smaller or larger, and remembers it on this screen. */
	rescale(current: number, direction: -1 | 1): void {
		this.chosen = stepScale(current, direction);
		localStorage.setItem(STORAGE_KEY, String(this.chosen));
	}

	next(): void {
		this.page = nextPage(this.page, this.pages);
		this.#restart();
	}

	previous(): void {
		this.page = previousPage(this.page, this.pages);
		this.#restart();
	}

	/** Back to the first page (where a new idea appears), with the full time on it. */
	first(): void {
		this.page = 0;
		this.#restart();
	}

	toggle(): void {
		this.turning = !this.turning;
		this.#restart();
	}

	/** Fits the text and counts the pages again; call after the board changes. */
	layout(): void {
		// Measuring reads and sets the page count: whoever calls this must not depend on it.
		untrack(() => this.#layout());
	}

	#layout(): void {
		const screen = this.#screen;
		const board = screen?.querySelector<HTMLElement>('[data-board]');
		const columns = screen?.querySelector<HTMLElement>('[data-pages]');
		if (!screen || !board || !columns) return;
		const side = screen.querySelector<HTMLElement>('[data-side]');
		const cards = [...columns.querySelectorAll<HTMLElement>('[data-card]')];
		for (const card of cards) card.style.removeProperty('--card-fit');
		screen.style.setProperty('--fit', '1');
		side?.style.setProperty('--side-fit', '1');
		if (getComputedStyle(screen).getPropertyValue('--wall-fixed').trim() === '0') {
			// A small window scrolls like any page: nothing to fit, one page.
			this.#setPages(1);
			return;
		}

		// The side column first, so that a larger text size asked for the board stays.
		if (side) shrink(side, '--side-fit', MIN_FIT, () => [side, ...side.children].some(overflows));
		shrink(screen, '--fit', MIN_FIT, () => crowded(screen, board, side));

		columns.style.setProperty('--page-height', `${columns.clientHeight}px`);
		for (const card of cards) shrink(card, '--card-fit', MIN_CARD_FIT, () => overflows(card));

		const gap = parseFloat(getComputedStyle(columns).columnGap) || 0;
		this.#setPages(
			pageCount(
				cards.map((card) => card.offsetLeft),
				columns.clientWidth + gap
			)
		);
	}

	#setPages(pages: number): void {
		if (pages === this.pages) return;
		this.pages = pages;
		if (this.page >= pages) this.page = 0;
		this.#restart();
	}

	#restart(): void {
		clearInterval(this.#timer);
		if (!this.turning || this.pages < 2) return;
		this.#timer = setInterval(() => (this.page = nextPage(this.page, this.pages)), TURN_MS);
	}
}

/** Whether the fixed parts overflow the window or squeeze the board. */
function crowded(screen: HTMLElement, board: HTMLElement, side: HTMLElement | null): boolean {
	return (
		screen.scrollHeight > window.innerHeight + 1 ||
		screen.scrollWidth > window.innerWidth + 1 ||
		(side !== null && [side, ...side.children].some(overflows)) ||
		board.clientHeight < window.innerHeight * MIN_BOARD
	);
}

/**
 * Makes `property` (a share of the text size, 1 to start with) on `element` smaller by steps
 * of 5% while `tooBig()` says so, down to `min`.
 */
function shrink(element: HTMLElement, property: string, min: number, tooBig: () => boolean) {
	let fit = 1;
	while (fit > min && tooBig()) {
		fit = Math.max(min, Math.round((fit - 0.05) * 100) / 100);
		element.style.setProperty(property, String(fit));
	}
}

/** Whether an element's content runs out of its box, down or across. */
function overflows(element: Element): boolean {
	return (
		element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1
	);
}
