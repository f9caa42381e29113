import { describe, expect, it } from 'vitest';
import type { CharterContent } from './charter';
import { demoCharterContent } from './demo';
import {
	addItem,
	moveItem,
	removeItem,
	setBasics,
	setGovernance,
	setLinks,
	setWelsh,
	updateItem,
	type EditResult,
	type ListSection
} from './editing';

/** The content an edit produced; fails the test with the reasons when it was refused. */
function content(result: EditResult): CharterContent {
	if (!result.ok) throw new Error(result.reasons.join(' '));
	return result.content;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

/** A list's demo item (the first unless `at` says) without its id: every field a form gives. */
function fieldsOf(section: ListSection, at = 0): Record<string, unknown> {
	const { id: _id, ...fields } = demoCharterContent()[section].at(at)!;
	return fields;
}

const SECTIONS: ListSection[] = ['outcomes', 'parties', 'commitments', 'standards'];

describe('which fields an item keeps', () => {
	it.each(SECTIONS)('an added %s keeps its own fields and drops anything else', (section) => {
		const fields = fieldsOf(section);
		const added = content(
			addItem(demoCharterContent(), section, { ...fields, sneaked: 'in' } as never, 'new')
		)[section];
		expect(added.at(-1)).toStrictEqual({ id: 'new', ...fields });
		expect(ids(added).slice(0, -1)).toEqual(ids(demoCharterContent()[section]));
	});

	it.each(SECTIONS)('an updated %s keeps its id and place, and only its own fields', (section) => {
		const before = demoCharterContent()[section];
		// The first item rewritten with the last one's fields: a new text in the same place.
		const fields = fieldsOf(section, -1);
		const first = before[0].id;
		const after = content(
			updateItem(demoCharterContent(), section, first, { ...fields, id: 'forged' } as never)
		)[section];
		expect(ids(after)).toEqual(ids(before));
		expect(after[0]).toStrictEqual({ id: first, ...fields });
	});

	it.each<{ name: string; edit: (c: CharterContent) => EditResult; expected: unknown }>([
		{
			name: 'basics take only the title, service and summary',
			edit: (c) =>
				setBasics(c, { ...c, title: 'T', service: 'S', summary: '', outcomes: [] } as never),
			expected: { ...demoCharterContent(), title: 'T', service: 'S', summary: '' }
		},
		{
			name: 'governance takes only its six fields',
			edit: (c) => setGovernance(c, { ...c.governance, forum: 'Board', chair: 'Someone' } as never),
			expected: {
				...demoCharterContent(),
				governance: { ...demoCharterContent().governance, forum: 'Board' }
			}
		},
		{
			name: 'links take only the three lists',
			edit: (c) =>
				setLinks(c, { surveyIds: ['s'], labIds: [], voteIds: ['v'], other: ['x'] } as never),
			expected: {
				...demoCharterContent(),
				links: { surveyIds: ['s'], labIds: [], voteIds: ['v'] }
			}
		}
	])('$name', ({ edit, expected }) => {
		expect(content(edit(demoCharterContent()))).toStrictEqual(expected);
	});

	it('links are copied, so the caller changing its lists later changes nothing', () => {
		const links = { surveyIds: ['s'], labIds: ['l'], voteIds: ['v'] };
		const saved = content(setLinks(demoCharterContent(), links));
		links.surveyIds.push('later');
		expect(saved.links.surveyIds).toEqual(['s']);
	});
});

describe('a commitment needs a party in the charter', () => {
	const commitment = fieldsOf('commitments');

	it.each<{ name: string; edit: (c: CharterContent, partyId: string) => EditResult }>([
		{
			name: 'added',
			edit: (c, partyId) => addItem(c, 'commitments', { ...commitment, partyId } as never, 'c-new')
		},
		{
			name: 'changed',
			edit: (c, partyId) =>
				updateItem(c, 'commitments', 'c-hours', { ...commitment, partyId } as never)
		}
	])(
		'refuses one $name for a party that is not there, takes one for a party that is',
		({ edit }) => {
			expect(edit(demoCharterContent(), 'p-nobody')).toEqual({
				ok: false,
				reasons: ['Choose a party from the list.']
			});
			expect(edit(demoCharterContent(), '')).toEqual({
				ok: false,
				reasons: ['Choose a party from the list.']
			});
			expect(edit(demoCharterContent(), 'p-residents').ok).toBe(true);
		}
	);

	it.each(['outcomes', 'parties', 'standards'] as const)(
		'asks no party of one of the %s',
		(section) => {
			const empty = { ...demoCharterContent(), parties: [], commitments: [] };
			const fields = fieldsOf(section);
			expect(addItem(empty, section, fields as never, 'new').ok).toBe(true);
		}
	);
});

describe('removing items', () => {
	it.each<{ section: ListSection; itemId: string; left: string[] }>([
		{ section: 'outcomes', itemId: 'o-independent', left: ['o-connected'] },
		{ section: 'commitments', itemId: 'c-hours', left: ['c-funding', 'c-volunteers'] },
		{ section: 'standards', itemId: 's-reply', left: ['s-hours'] }
	])('removes $itemId from the $section', ({ section, itemId, left }) => {
		expect(ids(content(removeItem(demoCharterContent(), section, itemId))[section])).toEqual(left);
	});

	it.each<{ name: string; commitments: string[]; result: EditResult['ok'] }>([
		{ name: 'refuses a party with a commitment', commitments: ['c-hours'], result: false },
		{ name: 'removes a party whose commitments are gone', commitments: [], result: true }
	])('$name', ({ commitments, result }) => {
		const c = demoCharterContent();
		const kept = { ...c, commitments: c.commitments.filter((k) => commitments.includes(k.id)) };
		const removed = removeItem(kept, 'parties', 'p-provider');
		expect(removed.ok).toBe(result);
		if (removed.ok) expect(ids(removed.content.parties)).toEqual(['p-council', 'p-residents']);
		else
			expect(removed.reasons).toEqual([
				'This party still has commitments: remove them or give them to another party first.'
			]);
	});
});

describe('moving items', () => {
	it.each<{ itemId: string; direction: 'up' | 'down'; order: string[] }>([
		{ itemId: 'c-hours', direction: 'up', order: ['c-hours', 'c-funding', 'c-volunteers'] },
		{ itemId: 'c-hours', direction: 'down', order: ['c-funding', 'c-volunteers', 'c-hours'] },
		{ itemId: 'c-funding', direction: 'down', order: ['c-hours', 'c-funding', 'c-volunteers'] },
		{ itemId: 'c-volunteers', direction: 'up', order: ['c-funding', 'c-volunteers', 'c-hours'] },
		{ itemId: 'c-funding', direction: 'up', order: ['c-funding', 'c-hours', 'c-volunteers'] },
		{ itemId: 'c-volunteers', direction: 'down', order: ['c-funding', 'c-hours', 'c-volunteers'] }
	])('$itemId $direction gives $order', ({ itemId, direction, order }) => {
		const moved = content(moveItem(demoCharterContent(), 'commitments', itemId, direction));
		expect(ids(moved.commitments)).toEqual(order);
		expect(moved.commitments).toEqual(expect.arrayContaining(demoCharterContent().commitments));
	});
});

describe('an item that is no longer there', () => {
	it.each<{ section: ListSection; name: string }>([
		{ section: 'outcomes', name: 'outcome' },
		{ section: 'parties', name: 'party' },
		{ section: 'commitments', name: 'commitment' },
		{ section: 'standards', name: 'service standard' }
	])('is refused by name when changed, removed or moved in the $section', ({ section, name }) => {
		const refused = { ok: false, reasons: [`That ${name} is no longer in the charter.`] };
		const c = demoCharterContent();
		expect(updateItem(c, section, 'gone', fieldsOf(section) as never)).toEqual(refused);
		expect(removeItem(c, section, 'gone')).toEqual(refused);
		expect(moveItem(c, section, 'gone', 'up')).toEqual(refused);
	});
});

describe('the Welsh follows its English', () => {
	const welsh = {
		title: 'Siarter',
		summary: 'Crynodeb',
		'outcomes.o-independent.title': 'Byw’n annibynnol',
		'standards.s-reply.text': 'Ateb o fewn 10 diwrnod'
	};
	const withWelsh = (): CharterContent => ({ ...demoCharterContent(), cy: { ...welsh } });

	it.each<{ name: string; edit: (c: CharterContent) => EditResult; cy: Record<string, string> }>([
		{
			name: 'Welsh is kept for fields with English, trimmed',
			edit: (c) => setWelsh(c, { title: ' Siarter ', 'outcomes.o-independent.title': 'Byw' }),
			cy: { title: 'Siarter', 'outcomes.o-independent.title': 'Byw' }
		},
		{
			name: 'Welsh for a path the charter does not have is dropped',
			edit: (c) => setWelsh(c, { title: 'Siarter', 'outcomes.o-gone.title': 'Dim' }),
			cy: { title: 'Siarter' }
		},
		{
			name: 'removing an item drops its Welsh',
			edit: (c) => removeItem(c, 'outcomes', 'o-independent'),
			cy: {
				title: 'Siarter',
				summary: 'Crynodeb',
				'standards.s-reply.text': 'Ateb o fewn 10 diwrnod'
			}
		},
		{
			name: 'blanking the English drops its Welsh',
			edit: (c) => setBasics(c, { title: c.title, service: c.service, summary: '' }),
			cy: {
				title: 'Siarter',
				'outcomes.o-independent.title': 'Byw’n annibynnol',
				'standards.s-reply.text': 'Ateb o fewn 10 diwrnod'
			}
		},
		{
			name: 'moving an item keeps every Welsh field',
			edit: (c) => moveItem(c, 'standards', 's-reply', 'up'),
			cy: welsh
		}
	])('$name', ({ edit, cy }) => {
		expect(content(edit(withWelsh())).cy).toEqual(cy);
	});

	it.each<{ name: string; edit: (c: CharterContent) => EditResult }>([
		{ name: 'all Welsh made blank', edit: (c) => setWelsh(c, {}) },
		{
			name: 'the last Welsh field’s item removed',
			edit: (c) => removeItem(c, 'standards', 's-reply')
		}
	])('leaves no `cy` at all when $name', ({ edit }) => {
		const start = { ...demoCharterContent(), cy: { 'standards.s-reply.text': 'Ateb' } };
		expect(content(edit(start))).not.toHaveProperty('cy');
	});
});

/** Freezes every object and array inside `value`, so any change to it throws. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

describe('the content it is given', () => {
	it.each<{ name: string; edit: (c: CharterContent) => EditResult }>([
		{ name: 'setBasics', edit: (c) => setBasics(c, { title: 'T', service: 'S', summary: '' }) },
		{ name: 'setGovernance', edit: (c) => setGovernance(c, { ...c.governance, forum: 'F' }) },
		{ name: 'setLinks', edit: (c) => setLinks(c, { surveyIds: ['s'], labIds: [], voteIds: [] }) },
		{ name: 'setWelsh', edit: (c) => setWelsh(c, { title: 'Siarter' }) },
		{ name: 'addItem', edit: (c) => addItem(c, 'standards', { text: 'New' }, 's-new') },
		{ name: 'updateItem', edit: (c) => updateItem(c, 'standards', 's-hours', { text: 'New' }) },
		{ name: 'removeItem', edit: (c) => removeItem(c, 'outcomes', 'o-connected') },
		{ name: 'moveItem', edit: (c) => moveItem(c, 'parties', 'p-residents', 'up') }
	])('is left as it was by $name', ({ edit }) => {
		const given = deepFreeze({ ...demoCharterContent(), cy: { title: 'Siarter' } });
		expect(edit(given).ok).toBe(true);
		expect(given).toStrictEqual({ ...demoCharterContent(), cy: { title: 'Siarter' } });
	});
});
