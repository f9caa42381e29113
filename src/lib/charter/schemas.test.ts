import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { demoCharterContent } from './demo';
import {
	AnswerSchema,
	CharterBasicsSchema,
	CharterContentSchema,
	CharterLinksSchema,
	CommentSchema,
	CommitmentSchema,
	GovernanceSchema,
	OutcomeSchema,
	PartySchema,
	ReviewEntrySchema,
	SignatureSchema,
	StandardSchema,
	WithdrawSigningSchema,
	isIsoDate
} from './schemas';

/** The first error message per field, as a form shows them. */
function errors(schema: z.ZodType, input: unknown): Record<string, string> {
	const result = schema.safeParse(input);
	if (result.success) return {};
	const out: Record<string, string> = {};
	for (const issue of result.error.issues) out[issue.path.join('.') || '_'] ??= issue.message;
	return out;
}

const HASH = 'a'.repeat(64);

describe('valid forms parse into content values', () => {
	it.each<{ name: string; schema: z.ZodType; input: Record<string, unknown>; output: unknown }>([
		{
			name: 'basics, with a blank summary becoming empty text',
			schema: CharterBasicsSchema,
			input: { title: '  Riverside Charter ', service: 'Day services', summary: '  ' },
			output: { title: 'Riverside Charter', service: 'Day services', summary: '' }
		},
		{
			name: 'an outcome saved before its baseline is known',
			schema: OutcomeSchema,
			input: { title: 'Feeling safe', indicator: 'Users who feel safe' },
			output: { title: 'Feeling safe', indicator: 'Users who feel safe', baseline: '', target: '' }
		},
		{
			name: 'a party without an email',
			schema: PartySchema,
			input: { kind: 'community', organisation: 'Carers Forum', contactEmail: '' },
			output: {
				kind: 'community',
				organisation: 'Carers Forum',
				contactName: '',
				contactEmail: '',
				role: '',
				signatoryName: '',
				signatoryRole: ''
			}
		},
		{
			name: 'a commitment with a due date',
			schema: CommitmentSchema,
			input: {
				partyId: 'p1',
				what: 'Weekly peer group',
				kind: 'volunteer-hours',
				owner: 'Chair',
				measure: 'Sessions held',
				date: '2026-09-30',
				dateKind: 'due'
			},
			output: {
				partyId: 'p1',
				what: 'Weekly peer group',
				kind: 'volunteer-hours',
				owner: 'Chair',
				measure: 'Sessions held',
				date: '2026-09-30',
				dateKind: 'due'
			}
		},
		{
			name: 'an anonymous comment',
			schema: CommentSchema,
			input: { text: 'Please open on Saturdays.' },
			output: { text: 'Please open on Saturdays.', name: '' }
		},
		{
			name: 'an acknowledgement without an answer',
			schema: AnswerSchema,
			input: { response: 'acknowledged', answer: '' },
			output: { response: 'acknowledged', answer: '' }
		},
		{
			name: 'a ticked signature',
			schema: SignatureSchema,
			input: { name: 'Jean Evans', role: 'Chair', confirm: 'on', versionHash: HASH },
			output: { name: 'Jean Evans', role: 'Chair', confirm: true, versionHash: HASH }
		},
		{
			name: 'links from a group of checkboxes',
			schema: CharterLinksSchema,
			input: { surveyIds: 's1', labIds: ['l1', 'l2'] },
			output: { surveyIds: ['s1'], labIds: ['l1', 'l2'], voteIds: [] }
		},
		{
			name: 'a review entry',
			schema: ReviewEntrySchema,
			input: { targetKind: 'outcome', targetId: 'o1', status: 'amber', note: 'Slower than hoped' },
			output: { targetKind: 'outcome', targetId: 'o1', status: 'amber', note: 'Slower than hoped' }
		}
	])('$name', ({ schema, input, output }) => {
		expect(schema.parse(input)).toEqual(output);
	});

	it('accepts a whole stored charter text', () => {
		expect(CharterContentSchema.parse(demoCharterContent())).toEqual(demoCharterContent());
	});
});

describe('invalid forms say what to fix', () => {
	it.each<{
		name: string;
		schema: z.ZodType;
		input: Record<string, unknown>;
		errors: Record<string, string>;
	}>([
		{
			name: 'a comment that is too short, with a name that is too long',
			schema: CommentSchema,
			input: { text: 'ok', name: 'x'.repeat(81) },
			errors: {
				text: 'Your comment must be at least 3 characters',
				name: 'Your name must be 80 characters or fewer'
			}
		},
		{
			name: 'a comment over 2000 characters',
			schema: CommentSchema,
			input: { text: 'x'.repeat(2001) },
			errors: { text: 'Your comment must be 2000 characters or fewer' }
		},
		{
			name: 'a signature without the box ticked',
			schema: SignatureSchema,
			input: { name: 'Jean Evans', role: 'Chair', versionHash: HASH },
			errors: {
				confirm:
					'Tick the box to confirm you have read the charter and are signing it for your organisation'
			}
		},
		{
			name: 'a signature with a one-letter name and no role',
			schema: SignatureSchema,
			input: { name: 'J', role: '', confirm: 'on', versionHash: HASH },
			errors: {
				name: 'Your name must be at least 2 characters',
				role: 'Enter your role'
			}
		},
		{
			name: 'a signature from a page without the hash',
			schema: SignatureSchema,
			input: { name: 'Jean Evans', role: 'Chair', confirm: 'on', versionHash: 'abc' },
			errors: { versionHash: 'Reload the page and try again' }
		},
		{
			name: 'an answer with no text',
			schema: AnswerSchema,
			input: { response: 'answered', answer: ' ' },
			errors: { answer: 'Write the answer, or choose to acknowledge the comment instead' }
		},
		{
			name: 'a party with a malformed email and no kind',
			schema: PartySchema,
			input: { organisation: 'Carers Forum', contactEmail: 'jean at example' },
			errors: {
				kind: 'Choose whether this party is the commissioner, a provider or a community representative',
				contactEmail:
					'Enter an email address in the right format, like name@example.org, or leave it blank'
			}
		},
		{
			name: 'a commitment dated 30 February',
			schema: CommitmentSchema,
			input: { partyId: 'p1', what: 'Fund it', kind: 'money', date: '2026-02-30', dateKind: 'due' },
			errors: { date: 'Enter a real date, like 2026-03-31' }
		},
		{
			name: 'a commitment with an unknown kind and no party',
			schema: CommitmentSchema,
			input: { what: 'Fund it', kind: 'cash', dateKind: 'due' },
			errors: {
				partyId: 'Choose the party making this commitment',
				kind: 'Choose what kind of contribution this is'
			}
		},
		{
			name: 'a review entry with no note and a purple status',
			schema: ReviewEntrySchema,
			input: { targetKind: 'commitment', targetId: 'c1', status: 'purple', note: '' },
			errors: { status: 'Choose green, amber or red', note: 'Enter a note' }
		},
		{
			name: 'a review note over 1000 characters',
			schema: ReviewEntrySchema,
			input: { targetKind: 'commitment', targetId: 'c1', status: 'red', note: 'x'.repeat(1001) },
			errors: { note: 'A note must be 1000 characters or fewer' }
		},
		{
			name: 'a standard that is too long',
			schema: StandardSchema,
			input: { text: 'x'.repeat(301) },
			errors: { text: 'The service standard must be 300 characters or fewer' }
		},
		{
			name: 'basics without a title',
			schema: CharterBasicsSchema,
			input: { service: 'Day services' },
			errors: { title: 'Enter a title' }
		},
		{
			name: 'a governance field that is too long',
			schema: GovernanceSchema,
			input: { forum: 'x'.repeat(1001) },
			errors: { forum: 'The board or forum must be 1000 characters or fewer' }
		},
		{
			name: 'a withdrawal without a reason',
			schema: WithdrawSigningSchema,
			input: { reason: '' },
			errors: {
				reason: 'Enter a reason'
			}
		}
	])('$name', ({ schema, input, errors: expected }) => {
		expect(errors(schema, input)).toEqual(expected);
	});

	it('rejects a stored text with an unknown party kind', () => {
		const content = demoCharterContent() as unknown as { parties: { kind: string }[] };
		content.parties[0].kind = 'mayor';
		expect(CharterContentSchema.safeParse(content).success).toBe(false);
	});
});

describe('isIsoDate', () => {
	it.each([
		['2026-03-31', true],
		['2028-02-29', true],
		['2026-02-29', false],
		['2026-13-01', false],
		['31/03/2026', false],
		['', false]
	])('%s is a real date: %s', (value, expected) => {
		expect(isIsoDate(value)).toBe(expected);
	});
});
