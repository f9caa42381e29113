import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
	countdownSchema,
	createLabSchema,
	createThemeSchema,
	dotSchema,
	hideSchema,
	joinSchema,
	mergeSchema,
	moderationEventSchema,
	paperDotSchema,
	paperParticipantSchema,
	phaseSchema,
	postIdeaSchema,
	postIdeaSchemaFor,
	proposalSchema,
	undoSchema
} from './schemas';

/** The first error message, or null when the input parses. */
function firstError(schema: z.ZodType, input: unknown): string | null {
	const result = schema.safeParse(input);
	return result.success ? null : result.error.issues[0].message;
}

const LAB = {
	title: 'Day centres',
	serviceId: 'svc-1',
	prompts: 'How could we design costs out of day centres?\nWhat could residents do themselves?',
	savesMoney: 'on',
	improvesOutcomes: 'on'
};

describe('createLabSchema', () => {
	it('reads a filled-in form', () => {
		expect(
			createLabSchema.parse({
				...LAB,
				dotsPerParticipant: '8',
				maxDotsPerIdea: '3',
				rolesEnabled: 'on'
			})
		).toEqual({
			title: 'Day centres',
			titleCy: null,
			serviceId: 'svc-1',
			prompts: [
				'How could we design costs out of day centres?',
				'What could residents do themselves?'
			],
			promptsCy: [],
			kinds: ['savesMoney', 'improvesOutcomes'],
			dotsPerParticipant: 8,
			maxDotsPerIdea: 3,
			rolesEnabled: true
		});
	});

	it('uses 5 dots, 2 per idea and roles off when those fields are empty or absent', () => {
		const parsed = createLabSchema.parse({ ...LAB, dotsPerParticipant: '' });
		expect([parsed.dotsPerParticipant, parsed.maxDotsPerIdea, parsed.rolesEnabled]).toEqual([
			5,
			2,
			false
		]);
	});

	it('takes prompts as repeated fields too, dropping blanks', () => {
		expect(
			createLabSchema.parse({ ...LAB, prompts: ['  First prompt ', '', 'Second'] }).prompts
		).toEqual(['First prompt', 'Second']);
	});

	it.each([
		{
			name: 'no title',
			change: { title: '  ' },
			error: 'Give the lab a title of at least 3 characters.'
		},
		{
			name: 'long title',
			change: { title: 'x'.repeat(121) },
			error: 'Keep the title to 120 characters.'
		},
		{ name: 'no service', change: { serviceId: '' }, error: 'Choose a service.' },
		{
			name: 'no prompts',
			change: { prompts: '\n \n' },
			error: 'Add at least one prompt, such as "How could we design costs out of day centres?"'
		},
		{
			name: 'six prompts',
			change: { prompts: 'aaa\nbbb\nccc\nddd\neee\nfff' },
			error: 'A lab can have up to 5 prompts.'
		},
		{
			name: 'a long prompt',
			change: { prompts: 'x'.repeat(201) },
			error: 'Keep each prompt to 200 characters.'
		},
		{
			name: 'no kinds',
			change: { savesMoney: undefined, improvesOutcomes: undefined },
			error: 'Tick at least one kind of idea.'
		},
		{
			name: '21 dots',
			change: { dotsPerParticipant: '21' },
			error: 'Dots for each person must be a whole number from 1 to 20.'
		},
		{
			name: 'half a dot',
			change: { dotsPerParticipant: '2.5' },
			error: 'Dots for each person must be a whole number from 1 to 20.'
		},
		{
			name: 'words for dots',
			change: { dotsPerParticipant: 'five' },
			error: 'Dots for each person must be a whole number from 1 to 20.'
		},
		{
			name: '6 per idea',
			change: { maxDotsPerIdea: '6' },
			error: 'Most dots on one idea must be a whole number from 1 to 5.'
		},
		{
			name: 'more per idea than in all',
			change: { dotsPerParticipant: '2', maxDotsPerIdea: '3' },
			error: 'The most dots on one idea cannot be more than the dots each person has.'
		}
	])('refuses $name', ({ change, error }) => {
		expect(firstError(createLabSchema, { ...LAB, ...change })).toBe(error);
	});
});

describe('joinSchema', () => {
	it.each([
		{ input: { code: ' ack-39x ' }, out: { code: 'ACK39X', displayName: null, role: null } },
		{
			input: { code: 'ACK39X', displayName: ' Sam ', role: 'carer' },
			out: { code: 'ACK39X', displayName: 'Sam', role: 'carer' }
		},
		{
			input: { code: 'ACK39X', displayName: '', role: '' },
			out: { code: 'ACK39X', displayName: null, role: null }
		},
		{
			input: { code: 'ACK39X', role: 'none' },
			out: { code: 'ACK39X', displayName: null, role: null }
		}
	])('reads $input', ({ input, out }) => {
		expect(joinSchema.parse(input)).toEqual(out);
	});

	it.each([
		{
			input: { code: 'ACK30X' },
			error: 'That code does not look right. It is 6 letters and numbers, as on the screen.'
		},
		{ input: {}, error: 'Enter the code shown on the screen.' },
		{
			input: { code: 'ACK39X', displayName: 'x'.repeat(41) },
			error: 'Keep your name to 40 characters.'
		},
		{ input: { code: 'ACK39X', role: 'mayor' }, error: 'Choose one of the roles listed.' }
	])('refuses $input', ({ input, error }) => {
		expect(firstError(joinSchema, input)).toBe(error);
	});
});

describe('postIdeaSchema', () => {
	const IDEA = { text: ' Share minibuses with the school ', kind: 'savesMoney', promptId: 'q1' };

	it('reads an idea', () => {
		expect(postIdeaSchema.parse({ ...IDEA, contribution: '' })).toEqual({
			text: 'Share minibuses with the school',
			kind: 'savesMoney',
			contribution: null,
			promptId: 'q1'
		});
	});

	it.each([
		{ change: { text: 'ab' }, error: 'Write at least 3 characters.' },
		{ change: { text: 'x'.repeat(281) }, error: 'Keep your idea to 280 characters.' },
		{ change: { kind: 'cheap' }, error: 'Choose what kind of idea this is.' },
		{ change: { contribution: 'x'.repeat(201) }, error: 'Keep this to 200 characters.' },
		{ change: { promptId: '' }, error: 'Choose a question.' }
	])('refuses $change', ({ change, error }) => {
		expect(firstError(postIdeaSchema, { ...IDEA, ...change })).toBe(error);
	});

	it.each([
		{ change: {}, error: null },
		{
			change: { kind: 'communityCanDo' },
			error: 'This session is not collecting that kind of idea.'
		},
		{ change: { promptId: 'q9' }, error: 'Choose one of the questions on the screen.' }
	])('for a lab with some kinds and prompts: $change', ({ change, error }) => {
		const schema = postIdeaSchemaFor({
			kinds: ['savesMoney', 'improvesOutcomes'],
			promptIds: ['q1', 'q2']
		});
		expect(firstError(schema, { ...IDEA, ...change })).toBe(error);
	});
});

describe('moderation forms', () => {
	it.each([
		{
			schema: hideSchema,
			input: { ideaId: 'i1', reason: 'ok' },
			error: 'Say why the idea is being hidden, in a few words.'
		},
		{
			schema: hideSchema,
			input: { ideaId: 'i1', reason: 'x'.repeat(201) },
			error: 'Keep the reason to 200 characters.'
		},
		{ schema: hideSchema, input: { ideaId: 'i1', reason: 'Off topic' }, error: null },
		{
			schema: mergeSchema,
			input: { sourceId: 'i1', targetId: 'i1' },
			error: 'Choose two different ideas.'
		},
		{ schema: mergeSchema, input: { sourceId: 'i1', targetId: 'i2' }, error: null },
		{ schema: createThemeSchema, input: { name: ' ' }, error: 'Give the theme a name.' },
		{
			schema: createThemeSchema,
			input: { name: 'x'.repeat(81) },
			error: 'Keep the theme name to 80 characters.'
		},
		{ schema: phaseSchema, input: { phase: 'lunch' }, error: 'Choose a phase.' },
		{
			schema: countdownSchema,
			input: { minutes: '0' },
			error: 'The countdown must be a whole number from 1 to 60.'
		},
		{
			schema: countdownSchema,
			input: { minutes: '61' },
			error: 'The countdown must be a whole number from 1 to 60.'
		},
		{
			schema: dotSchema,
			input: { targetType: 'comment', targetId: 'x' },
			error: 'Choose an idea or a theme.'
		}
	])('$input', ({ schema, input, error }) => {
		expect(firstError(schema, input)).toBe(error);
	});

	it.each([
		{
			schema: dotSchema,
			input: { targetType: 'theme', targetId: 't1' },
			out: { item: { type: 'theme', id: 't1' } }
		},
		{ schema: undoSchema, input: { eventId: '' }, out: { eventId: null } },
		{ schema: undoSchema, input: { eventId: 'e4' }, out: { eventId: 'e4' } },
		{ schema: countdownSchema, input: { minutes: '10' }, out: { minutes: 10 } }
	])('reads $input', ({ schema, input, out }) => {
		expect((schema as z.ZodType).parse(input)).toEqual(out);
	});
});

describe('paper participants', () => {
	it.each([
		{
			input: { displayName: '  ' },
			error: 'Give a name the facilitator will recognise, such as “Mary, table 3”.'
		},
		{ input: { displayName: 'x'.repeat(41) }, error: 'Keep the name to 40 characters.' },
		{ input: { displayName: 'Mary', role: 'mayor' }, error: 'Choose one of the roles listed.' }
	])('refuses $input', ({ input, error }) => {
		expect(firstError(paperParticipantSchema, input)).toBe(error);
	});

	it('reads a name and a role, or no role', () => {
		expect(paperParticipantSchema.parse({ displayName: ' Mary, table 3 ', role: 'carer' })).toEqual(
			{ displayName: 'Mary, table 3', role: 'carer' }
		);
		expect(paperParticipantSchema.parse({ displayName: 'Tom', role: '' }).role).toBe(null);
	});

	it.each([
		{
			input: { memberId: '7', item: 'idea:12' },
			out: { memberId: 7, item: { type: 'idea', id: '12' } }
		},
		{
			input: { memberId: '7', item: 'theme:3' },
			out: { memberId: 7, item: { type: 'theme', id: '3' } }
		}
	])('reads a dot for $input.item', ({ input, out }) => {
		expect(paperDotSchema.parse(input)).toEqual(out);
	});

	it.each([
		{ input: { memberId: '7', item: '' }, error: 'Choose an idea or theme.' },
		{ input: { memberId: '7', item: 'comment:1' }, error: 'Choose an idea or theme.' },
		{ input: { memberId: '7', item: `idea:${'1'.repeat(80)}` }, error: 'Choose an idea or theme.' },
		{ input: { memberId: '0', item: 'idea:1' }, error: 'Choose who the dot is for.' },
		{ input: { memberId: 'x', item: 'idea:1' }, error: 'Choose who the dot is for.' }
	])('refuses a dot for $input', ({ input, error }) => {
		expect(firstError(paperDotSchema, input)).toBe(error);
	});
});

describe('proposalSchema', () => {
	const FORM = {
		targetType: 'idea',
		targetId: 'i1',
		title: 'Shared minibuses',
		description: 'Share minibuses with the school.',
		kind: 'saving',
		serviceId: 'svc-1'
	};

	it.each([
		{ amount: '1250', pence: 125_000 },
		{ amount: '£1,250.50', pence: 125_050 },
		{ amount: '0.29', pence: 29 }, // 0.29 * 100 is 28.999... in floating point: digits avoid it
		{ amount: '19.9', pence: 1990 },
		{ amount: ' 0 ', pence: 0 },
		{ amount: '100000000', pence: 10_000_000_000 },
		{ amount: 75, pence: 7500 }
	])('£$amount is $pence pence', ({ amount, pence }) => {
		expect(proposalSchema.parse({ ...FORM, amount }).amountPence).toBe(pence);
	});

	it('gives back the item and the fields', () => {
		expect(proposalSchema.parse({ ...FORM, amount: '10' })).toEqual({
			item: { type: 'idea', id: 'i1' },
			title: 'Shared minibuses',
			description: 'Share minibuses with the school.',
			kind: 'saving',
			serviceId: 'svc-1',
			amountPence: 1000
		});
	});

	it.each([
		{ change: { amount: '12.345' }, error: 'Enter an amount in pounds, such as 1250 or 1250.50.' },
		{ change: { amount: '-5' }, error: 'Enter an amount in pounds, such as 1250 or 1250.50.' },
		{ change: { amount: 'lots' }, error: 'Enter an amount in pounds, such as 1250 or 1250.50.' },
		{ change: { amount: '' }, error: 'Enter an amount in pounds, such as 1250 or 1250.50.' },
		{ change: { amount: '100000000.01' }, error: 'The amount can be at most £100,000,000.' },
		{ change: { amount: '1', title: 'x'.repeat(121) }, error: 'Keep the title to 120 characters.' },
		{
			change: { amount: '1', description: 'x'.repeat(2001) },
			error: 'Keep the description to 2000 characters.'
		},
		{ change: { amount: '1', description: ' ' }, error: 'Describe the proposal.' },
		{
			change: { amount: '1', kind: 'cut' },
			error: 'Choose whether this saves money or develops the service.'
		},
		{ change: { amount: '1', serviceId: '' }, error: 'Choose a service.' }
	])('refuses $change', ({ change, error }) => {
		expect(firstError(proposalSchema, { ...FORM, ...change })).toBe(error);
	});
});

describe('moderationEventSchema', () => {
	it.each([
		{ row: { id: 'e1', at: 5, type: 'hide', ideaId: 'i1', reason: 'Rude' }, ok: true },
		{
			row: { id: 'e2', at: 5, by: null, type: 'shortlist', item: { type: 'theme', id: 't1' } },
			ok: true
		},
		{ row: { id: 'e3', at: 5, type: 'undo', eventId: 'e1' }, ok: true },
		{ row: { id: 'e4', at: 5, type: 'explode' }, ok: false },
		{ row: { id: 'e5', at: 5, type: 'merge', sourceId: 'i1' }, ok: false }
	])('$row.type: $ok', ({ row, ok }) => {
		expect(moderationEventSchema.safeParse(row).success).toBe(ok);
	});
});
