/**
 * The printed paper survey's questions: numbered in the order the online survey asks them, page
 * after page, each with what to do on paper (tick one box, tick all that apply, write) and, for
 * a question shown only after an answer online, the question and answer it depends on. Online a
 * question appears only when its condition holds; on paper every question is printed, so the
 * form says when to skip it.
 */
import type { QuestionType, ShowIf } from './template';

export type PaperInstruction = 'tickOne' | 'tickAll' | 'write';

export interface PaperQuestion {
	number: number;
	id: string;
	instruction: PaperInstruction;
	/** Answer this only if question `number` was answered `value` (the option's code). */
	onlyIf: { number: number; value: string } | null;
}

export interface PaperPage {
	id: string;
	questions: PaperQuestion[];
}

const INSTRUCTIONS: Record<QuestionType, PaperInstruction> = {
	single: 'tickOne',
	scale: 'tickOne',
	multiple: 'tickAll',
	shortText: 'write',
	longText: 'write'
};

/**
 * Numbers every question from 1 across the pages. A condition on a question not printed before
 * this one (which the builder does not allow) is left off rather than pointing forward.
 */
export function paperSurvey(
	pages: readonly {
		id: string;
		questions: readonly { id: string; type: QuestionType; showIf?: ShowIf }[];
	}[]
): PaperPage[] {
	const numbers = new Map<string, number>();
	let next = 1;
	return pages.map((page) => ({
		id: page.id,
		questions: page.questions.map((q) => {
			const number = next++;
			numbers.set(q.id, number);
			const target = q.showIf ? numbers.get(q.showIf.questionId) : undefined;
			return {
				number,
				id: q.id,
				instruction: INSTRUCTIONS[q.type],
				onlyIf:
					q.showIf && target !== undefined && target < number
						? { number: target, value: q.showIf.value }
						: null
			};
		})
	}));
}
