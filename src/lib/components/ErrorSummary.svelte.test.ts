import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ErrorSummary from './ErrorSummary.svelte';

describe('ErrorSummary', () => {
	it('shows nothing, and takes no focus, while there are no errors', () => {
		render(ErrorSummary, { errors: null });
		expect(screen.queryByRole('alert')).toBeNull();
		expect(document.activeElement).toBe(document.body);
	});

	it('moves focus to itself when errors appear, so a screen reader reads them at once', async () => {
		const { rerender } = render(ErrorSummary, { errors: {} });
		expect(screen.queryByRole('alert')).toBeNull();
		await rerender({
			errors: { code: 'We could not find that code. Check it against your letter and try again' }
		});
		const summary = screen.getByRole('alert', { name: 'There is a problem' });
		expect(document.activeElement).toBe(summary);
		// Focusable by script only: not a stop when tabbing through the page.
		expect(summary.getAttribute('tabindex')).toBe('-1');
	});

	it('takes focus when the page opens with errors (a form sent without JavaScript)', () => {
		render(ErrorSummary, { errors: { title: 'Enter a title' } });
		expect(document.activeElement).toBe(screen.getByRole('alert'));
	});

	it('links each error to its field, and says in words what has no field', () => {
		render(ErrorSummary, {
			errors: {
				code: 'We could not find that code. Check it against your letter and try again',
				'address.postcode': 'Enter a postcode',
				_: 'The vote has closed'
			},
			title: 'Check your answers'
		});
		const summary = screen.getByRole('alert', { name: 'Check your answers' });
		const links = [...summary.querySelectorAll('a')].map((a) => [
			a.textContent,
			a.getAttribute('href')
		]);
		expect(links).toEqual([
			['We could not find that code. Check it against your letter and try again', '#field-code'],
			['Enter a postcode', '#field-address-postcode']
		]);
		expect(summary.textContent).toContain('The vote has closed');
	});
});
