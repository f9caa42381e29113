import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RadioField from './RadioField.svelte';

const OPTIONS = [
	{ value: 'yes', label: 'Yes' },
	{ value: 'no', label: 'No' },
	{ value: 'rather-not', label: 'Prefer not to say' }
];

describe('RadioField', () => {
	it('groups the radios under the legend, the first one the error summary’s target', () => {
		render(RadioField, { name: 'segment-carers', legend: 'Are you a carer?', options: OPTIONS });
		const group = screen.getByRole('group', { name: 'Are you a carer?' });
		const radios = screen.getAllByRole('radio');
		expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(['yes', 'no', 'rather-not']);
		expect(group.contains(radios[0])).toBe(true);
		expect(radios[0].id).toBe('field-segment-carers');
		expect(radios[1].id).toBe('');
	});

	it('describes every radio by its hint, and checks the value given', () => {
		render(RadioField, {
			name: 'segment-disabled',
			legend: 'Are you disabled?',
			hint: 'You do not have to answer.',
			value: 'no',
			options: OPTIONS
		});
		for (const radio of screen.getAllByRole('radio'))
			expect(radio.getAttribute('aria-describedby')).toBe('field-segment-disabled-hint');
		expect(document.getElementById('field-segment-disabled-hint')?.textContent).toBe(
			'You do not have to answer.'
		);
		expect((screen.getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true);
		expect((screen.getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(false);
	});

	it('says the error beside the legend, with the prefix in the reader’s language', () => {
		render(RadioField, {
			name: 'area',
			legend: 'Ble ydych chi’n byw?',
			error: 'Dewiswch un ateb.',
			errorPrefix: 'Gwall:',
			options: [{ value: 'north', label: 'North', lang: 'en' }]
		});
		const message = document.getElementById('field-area-error')!;
		expect(message.textContent?.replace(/\s+/g, ' ').trim()).toBe('Gwall: Dewiswch un ateb.');
		expect(screen.getByText('North').getAttribute('lang')).toBe('en');
		expect(screen.getAllByRole('radio')[0].getAttribute('aria-describedby')).toBeNull();
	});
});
