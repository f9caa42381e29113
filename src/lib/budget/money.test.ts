import { describe, expect, it } from 'vitest';
import { count } from './count';
import { moneyOf } from './money';
import { scenarios } from '../test/votes';

describe('moneyOf', () => {
	it("gives a count's money and simple majority's, and nothing else", () => {
		// day-centres: protection saves £250k of the £500k target; simple majority meets it.
		const s = scenarios().find((x) => x.file === 'day-centres.json')!;
		expect(moneyOf(count(s.input))).toEqual({
			savingsTarget: 50000000,
			saved: 25000000,
			shortfall: 25000000,
			developmentBudget: 0,
			spent: 0,
			majority: { saved: 50000000, shortfall: 0 }
		});
	});
});
