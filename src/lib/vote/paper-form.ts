/**
 * The paper ballot's layout: which questions it asks, in which order and under which numbers.
 * The printed form and the keying page are both drawn from it, so a keyer reads the paper top to
 * bottom while keying top to bottom, question 4 on the paper being question 4 on the screen.
 *
 * The order is the online ballot's: every proposal in listed order (Want / Don't want / No view),
 * the use question once per service (in the order the proposals first name the services), then
 * the questions about the voter (area, age, each group). The ballot number, the box for office use
 * and the code come first, above the numbered questions, as they do on the keying page.
 */
import { markField, segmentField, servicesOf, useField } from './ballot';

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

/**
 * The fields before the numbered questions, as printed (the number box and the box for office
 * use at the top, then the code) and as keyed.
 */
export const HEAD_FIELDS = ['serial', 'spoilt', 'checked', 'code'] as const;

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
