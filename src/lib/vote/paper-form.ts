/**
 * The paper ballot's layout: which questions it asks, in which order and under which numbers.
 * The printed form and the keying page are both drawn from it, so a keyer reads the paper top to
 * bottom while keying top to bottom, question 4 on the paper being question 4 on the screen.
 *
 * The order is the online ballot's: every proposal in listed order (Want / Don't want / No view),
 * the use question once per service (in the order the proposals first name the services), then
 * the questions about the voter (area, age, each group). The ballot number, the code and the box
 * for office use come first, above the numbered questions, as they do on the keying page.
 */
import { markField, segmentField, servicesOf, useField } from '../budget/ballot';

export type PaperQuestion =
	| { number: number; kind: 'mark'; field: string; proposalId: string }
	| { number: number; kind: 'use'; field: string; serviceId: string }
	| { number: number; kind: 'area' | 'ageBand'; field: 'area' | 'ageBand' }
	| { number: number; kind: 'segment'; field: string; segmentId: string };

export type SectionId = 'marks' | 'uses' | 'about';

export interface PaperSection {
	id: SectionId;
	questions: PaperQuestion[];
}

export interface PaperLayoutInput {
	proposals: readonly { id: number | string; serviceId: string }[];
	/** The groups asked about, in the order the form asks them. */
	segments: readonly { id: string }[];
}

/** The fields staff key before the numbered questions, in the keying page's order. */
export const HEAD_FIELDS = ['serial', 'code', 'spoilt', 'checked'] as const;

/**
 * The numbered questions of a paper ballot, in three sections: the marks, the services used,
 * and about you. Numbers run on from one section to the next.
 */
export function paperLayout(input: PaperLayoutInput): PaperSection[] {
	let n = 0;
	const marks: PaperQuestion[] = input.proposals.map((p) => ({
		number: ++n,
		kind: 'mark',
		field: markField(String(p.id)),
		proposalId: String(p.id)
	}));
	const uses: PaperQuestion[] = servicesOf(input.proposals).map((p) => ({
		number: ++n,
		kind: 'use',
		field: useField(p.serviceId),
		serviceId: p.serviceId
	}));
	const about: PaperQuestion[] = [
		{ number: ++n, kind: 'area', field: 'area' },
		{ number: ++n, kind: 'ageBand', field: 'ageBand' },
		...input.segments.map((s): PaperQuestion => ({
			number: ++n,
			kind: 'segment',
			field: segmentField(s.id),
			segmentId: s.id
		}))
	];
	return [
		{ id: 'marks', questions: marks },
		{ id: 'uses', questions: uses },
		{ id: 'about', questions: about }
	];
}

/** Every field of a paper ballot in the order it is printed and keyed. */
export function fieldOrder(sections: readonly PaperSection[]): string[] {
	return [...HEAD_FIELDS, ...sections.flatMap((s) => s.questions.map((q) => q.field))];
}

/** Ballot numbers as printed and keyed: P0001, P0002, ... (the keying page's example). */
export function paperSerial(n: number): string {
	return `P${String(n).padStart(4, '0')}`;
}

/** The most numbered copies one print makes: a few hundred pages is already a long print run. */
export const MAX_COPIES = 500;
export const MAX_FIRST_SERIAL = 999_999;

/**
 * The ballot numbers of a print run: `copies` forms numbered from `first`; one unnumbered form
 * (the number is written on when it comes back) when no run is asked for.
 */
export function printRun(run: { first: number; copies: number } | null): (string | null)[] {
	if (!run) return [null];
	return Array.from({ length: run.copies }, (_, i) => paperSerial(run.first + i));
}
