import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { afterCommit, write } from './open';
import { setting } from './schema';

describe('hooks after a commit', () => {
	it('run once the write has committed, in order, and not before', () => {
		const db = testDb();
		const seen: string[] = [];
		write(db, (tx) => {
			tx.insert(setting).values({ key: 'k', value: 'v' }).run();
			afterCommit(tx, () => seen.push(`first ${db.select().from(setting).all().length}`));
			afterCommit(tx, () => seen.push('second'));
			seen.push('inside');
		});
		expect(seen).toEqual(['inside', 'first 1', 'second']);
	});

	it('never run for a write that rolled back', () => {
		const db = testDb();
		const seen: string[] = [];
		expect(() =>
			write(db, (tx) => {
				afterCommit(tx, () => seen.push('rolled back'));
				throw new Error('refused');
			})
		).toThrow('refused');
		write(db, (tx) => afterCommit(tx, () => seen.push('committed')));
		expect(seen).toEqual(['committed']);
	});

	it('of a write inside another wait for the outer commit', () => {
		const db = testDb();
		const seen: string[] = [];
		write(db, (outer) => {
			write(outer, (inner) => afterCommit(inner, () => seen.push('inner')));
			seen.push('outer still open');
		});
		expect(seen).toEqual(['outer still open', 'inner']);
	});

	it('never run for a write inside another that rolled back, though the outer one commits', () => {
		const db = testDb();
		const seen: string[] = [];
		write(db, (outer) => {
			afterCommit(outer, () => seen.push('outer'));
			try {
				write(outer, (inner) => {
					afterCommit(inner, () => seen.push('inner'));
					throw new Error('refused');
				});
			} catch {
				// The outer write goes on without it.
			}
		});
		expect(seen).toEqual(['outer']);
	});

	it('run at once outside a transaction, and a failing one fails nothing', () => {
		const db = testDb();
		const seen: string[] = [];
		afterCommit(db, () => seen.push('at once'));
		const error = console.error;
		console.error = () => {};
		try {
			const result = write(db, (tx) => {
				afterCommit(tx, () => {
					throw new Error('a screen went away');
				});
				afterCommit(tx, () => seen.push('the next one'));
				return 'done';
			});
			expect(result).toBe('done');
		} finally {
			console.error = error;
		}
		expect(seen).toEqual(['at once', 'the next one']);
	});
});
