import { describe, expect, it } from 'vitest';
import { OpenRoundSchema, seat, VoidRoundSchema, type RoundSeats } from './rooms';

const open: RoundSeats = { status: 'open', attendance: 3, voidedAt: null };

describe('seat', () => {
	it.each([
		{
			name: 'takes a ballot while seats are left',
			round: open,
			counted: 2,
			alreadyIn: false,
			is: 'ok'
		},
		{ name: 'is full at the attendance', round: open, counted: 3, alreadyIn: false, is: 'full' },
		{
			name: 'lets a voter in the round change their ballot when full',
			round: open,
			counted: 3,
			alreadyIn: true,
			is: 'ok'
		},
		{
			name: 'takes nothing until attendance is entered',
			round: { ...open, attendance: null },
			counted: 0,
			alreadyIn: false,
			is: 'full'
		},
		{
			name: 'takes nothing once closed',
			round: { ...open, status: 'closed' as const },
			counted: 0,
			alreadyIn: true,
			is: 'closed'
		},
		{
			name: 'takes nothing once voided',
			round: { ...open, voidedAt: new Date() },
			counted: 0,
			alreadyIn: false,
			is: 'closed'
		}
	])('$name', ({ round, counted, alreadyIn, is }) => {
		expect(seat(round, counted, alreadyIn)).toBe(is);
	});
});

describe('round forms', () => {
	it.each(['', '0', '-3', '2.5', 'thirty', '5001'])('refuse attendance %j', (attendance) => {
		expect(OpenRoundSchema.safeParse({ title: 'Harbour centre', attendance }).success).toBe(false);
	});

	it('take a name and a head count', () => {
		expect(OpenRoundSchema.parse({ title: 'Harbour centre', attendance: '30' })).toEqual({
			title: 'Harbour centre',
			attendance: 30
		});
	});

	it('want a reason to void a round', () => {
		expect(VoidRoundSchema.safeParse({ roundId: '1', reason: '' }).success).toBe(false);
		expect(VoidRoundSchema.parse({ roundId: '1', reason: 'Code shared online' })).toEqual({
			roundId: 1,
			reason: 'Code shared online'
		});
	});
});
