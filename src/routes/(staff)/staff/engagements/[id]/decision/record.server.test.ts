import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { Refusal } from '$lib/server/command-refusal';
import { settle } from './record.server';

const values = { date: '2026-10-29', minuteRef: '' };

describe('a refused change on a decision page', () => {
	it('comes back as the form with every field the rules found at fault', () => {
		const errors = { date: 'Enter the date', minuteRef: 'Enter the minute reference' };
		const failed = settle(
			() => {
				throw new Refusal('date', errors.date, { fields: errors });
			},
			values,
			'/next',
			'decision'
		);
		expect(failed).toMatchObject({ status: 400, data: { action: 'decision', values, errors } });
	});

	it('comes back with its one message beside its field', () => {
		const failed = settle(
			() => {
				throw new Refusal('_', 'That is no longer listed.');
			},
			values,
			'/next',
			'remove'
		);
		expect(isActionFailure(failed)).toBe(true);
		expect(failed).toMatchObject({
			status: 400,
			data: { action: 'remove', values, errors: { _: 'That is no longer listed.' } }
		});
	});

	it('goes on to the next page when done, and throws anything but a refusal on', () => {
		let thrown: unknown;
		try {
			settle(() => 1, values, '/next');
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown) && thrown.location).toBe('/next');
		expect(() =>
			settle(
				() => {
					throw new Error('disk full');
				},
				values,
				'/next'
			)
		).toThrow('disk full');
	});
});
