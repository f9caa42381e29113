import { describe, expect, it } from 'vitest';
import { csvRows, type Column } from './table';

interface Row {
	id: string;
	decision: 'accept' | 'protected';
	on: Date;
}

const COLUMNS: Column<Row>[] = [
	{ key: 'id', header: 'Id', width: 6, format: 'text', value: (r) => r.id, sheet: false },
	{
		key: 'decision',
		header: 'Decision',
		width: 20,
		format: 'wrap',
		value: (r) => (r.decision === 'accept' ? 'Accept saving' : 'Protected'),
		code: (r) => r.decision
	},
	{ key: 'on', header: 'Closed on', width: 12, format: 'date', value: (r) => r.on }
];

describe('a table written as CSV', () => {
	it('heads each column with its key and writes codes where a column has them, dates as ISO dates, and CSV-only columns too', () => {
		expect(
			csvRows(COLUMNS, [{ id: '5', decision: 'protected', on: new Date('2027-02-01T12:00:00Z') }])
		).toEqual([
			['id', 'decision', 'on'],
			['5', 'protected', '2027-02-01']
		]);
	});
});
