import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, write, type DB } from './open';
import { prepared } from './prepared';
import { setting } from './schema';

const insert = (db: DB) =>
	prepared(db, 'test.insertSetting', (d) =>
		d
			.insert(setting)
			.values({ key: sql.placeholder('key'), value: sql.placeholder('value') })
			.prepare()
	);
const find = (db: DB) =>
	prepared(db, 'test.findSetting', (d) =>
		d
			.select({ value: setting.value })
			.from(setting)
			.where(eq(setting.key, sql.placeholder('key')))
			.prepare()
	);

describe('prepared queries', () => {
	it('are built once per connection and shared by its transactions', () => {
		const db = openDatabase(':memory:');
		let built = 0;
		const q = () =>
			prepared(db, 'test.counted', (d) => {
				built++;
				return d.select().from(setting).prepare();
			});
		expect(q()).toBe(q());
		write(db, (tx) => expect(prepared(tx, 'test.counted', () => null)).toBe(q()));
		expect(built).toBe(1);
	});

	it('run inside the transaction: a rolled-back write leaves nothing', () => {
		const db = openDatabase(':memory:');
		expect(() =>
			write(db, (tx) => {
				insert(tx).run({ key: 'k', value: 'inside' });
				expect(find(tx).get({ key: 'k' })?.value).toBe('inside');
				throw new Error('refused');
			})
		).toThrow('refused');
		expect(find(db).get({ key: 'k' })).toBeUndefined();
		write(db, (tx) => insert(tx).run({ key: 'k', value: 'kept' }));
		expect(find(db).get({ key: 'k' })?.value).toBe('kept');
	});

	it('keep each database to its own connection', () => {
		const a = openDatabase(':memory:');
		const b = openDatabase(':memory:');
		insert(a).run({ key: 'k', value: 'a' });
		expect(find(b).get({ key: 'k' })).toBeUndefined();
		expect(find(a).get({ key: 'k' })?.value).toBe('a');
	});
});
