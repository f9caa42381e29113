import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TextField from './TextField.svelte';

describe('TextField', () => {
	it.each([
		{ name: 'a plain field', multiline: false },
		{ name: 'a text area', multiline: true }
	])('labels $name and describes it by its hint', ({ multiline }) => {
		render(TextField, {
			name: 'address.postcode',
			label: 'Postcode',
			hint: 'For example, CF10 1AA',
			multiline
		});
		const field = screen.getByLabelText('Postcode');
		expect(field.id).toBe('field-address-postcode');
		expect(field.getAttribute('aria-describedby')).toBe('field-address-postcode-hint');
		expect(document.getElementById('field-address-postcode-hint')?.textContent).toBe(
			'For example, CF10 1AA'
		);
		expect(field.hasAttribute('aria-invalid')).toBe(false);
	});

	it.each([
		{ name: 'a plain field', multiline: false },
		{ name: 'a text area', multiline: true }
	])('marks $name invalid and describes it by its hint and its error', ({ multiline }) => {
		render(TextField, {
			name: 'code',
			label: 'Your code',
			hint: 'It is on your letter',
			error: 'We could not find that code. Check it against your letter and try again',
			multiline
		});
		const field = screen.getByLabelText('Your code');
		expect(field.getAttribute('aria-invalid')).toBe('true');
		const described = field.getAttribute('aria-describedby')!.split(' ');
		expect(described).toEqual(['field-code-hint', 'field-code-error']);
		expect(
			document.getElementById('field-code-error')?.textContent?.replace(/\s+/g, ' ').trim()
		).toBe('Error: We could not find that code. Check it against your letter and try again');
	});

	it('has no description when it has neither hint nor error', () => {
		render(TextField, { name: 'title', label: 'Title' });
		expect(screen.getByLabelText('Title').hasAttribute('aria-describedby')).toBe(false);
	});

	it('is the field an error summary links to', () => {
		render(TextField, { name: 'title', label: 'Title', error: 'Enter a title' });
		expect(screen.getByLabelText('Title').id).toBe('field-title');
		expect(screen.getByLabelText('Title').getAttribute('aria-describedby')).toBe(
			'field-title-error'
		);
	});
});
