import { Refusal } from '../server/command-refusal';

/**
 * The refusal `run` throws, to check its field, reason and words: the test fails if `run`
 * throws nothing, or throws something other than a refusal (which is thrown on as it was).
 */
export function refusalOf(run: () => unknown): Refusal {
	try {
		run();
	} catch (e) {
		if (e instanceof Refusal) return e;
		throw e;
	}
	throw new Error('expected a refusal, but nothing was refused');
}
