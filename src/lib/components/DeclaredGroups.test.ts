import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DeclaredGroups from './DeclaredGroups.svelte';

const SEGMENTS = [
	{ id: 'disabled', label: 'Disabled residents', labelCy: 'Preswylwyr anabl' },
	{ id: 'carers', label: 'Carers', labelCy: 'Gofalwyr' }
];

/** What a resident reads under a saving that declares `affects`, as plain text. */
function text(affects: string[], locale?: 'en' | 'cy') {
	const { body } = render(DeclaredGroups, {
		props: { affects, service: 'Libraries', segments: SEGMENTS, locale }
	});
	return body
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<li[^>]*>/g, '• ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

describe('who a saving depends on, in plain words', () => {
	it.each([
		[
			['users'],
			"The council said before voting that people who use Libraries depend on this saving. If most of them don't want it, it will not be made."
		],
		[
			['carers'],
			"The council said before voting that people in the group “Carers” depend on this saving. If most of them don't want it, it will not be made."
		],
		[
			['users', 'disabled'],
			"The council said before voting that these groups depend on this saving: • people who use Libraries • people in the group “Disabled residents” If most people in any one of these groups don't want it, it will not be made."
		]
	])('%o', (affects, expected) => {
		expect(text(affects)).toBe(expected);
	});

	it('is in Welsh, with the groups’ Welsh names, when the printed ballot asks for Welsh', () => {
		expect(text(['carers'], 'cy')).toContain('“Gofalwyr”');
	});
});
