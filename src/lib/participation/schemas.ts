import { z } from 'zod';
import { text } from '../forms/parse';
import { isWellFormedCode, normaliseCode } from './codes';

/**
 * Residents read these errors in English or Welsh, so the messages are Paraglide message keys
 * (messages/en.json, messages/cy.json); the page translates them.
 */
export const CodeEntrySchema = z.object({
	code: z
		.string({ error: 'err_code_required' })
		.max(64, { error: 'err_code_malformed' })
		.transform(normaliseCode)
		.refine((c) => c.length > 0, { error: 'err_code_required' })
		.refine(isWellFormedCode, { error: 'err_code_malformed' })
});

export const CodeBatchSchema = z.object({
	label: text('a label for the batch', 2, 120),
	unit: z.enum(['household', 'person'], { error: 'Choose who each code is for' }),
	size: z.coerce
		.number({ error: 'Enter how many codes to make' })
		.int({ error: 'Enter a whole number of codes' })
		.min(1, { error: 'Make at least 1 code' })
		.max(2000, { error: 'Make at most 2,000 codes in one batch' }),
	/** Service-user codes: the provider of this service hands them to its users. Blank: none. */
	serviceId: z.preprocess(
		(v) => (v === '' ? undefined : v),
		z
			.string({ error: 'Choose a service from the list' })
			.max(40, { error: 'Choose a service from the list' })
			.optional()
	)
});
