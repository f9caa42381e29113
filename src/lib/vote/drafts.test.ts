import { describe, expect, it } from 'vitest';
import { mayAddToDraft } from './drafts';

describe('mayAddToDraft', () => {
	it.each([
		{ role: 'commissioner', labId: null, fromLab: null, may: true },
		{ role: 'commissioner', labId: 4, fromLab: 7, may: true },
		{ role: 'admin', labId: null, fromLab: 7, may: true },
		{ role: 'facilitator', labId: 7, fromLab: 7, may: true },
		{ role: 'facilitator', labId: null, fromLab: 7, may: false },
		{ role: 'facilitator', labId: 4, fromLab: 7, may: false },
		{ role: 'facilitator', labId: 7, fromLab: null, may: false },
		{ role: 'councillor', labId: null, fromLab: null, may: false },
		{ role: 'councillor', labId: 7, fromLab: 7, may: false }
	] as const)(
		'$role, draft of lab $labId, from lab $fromLab: $may',
		({ role, labId, fromLab, may }) => {
			expect(mayAddToDraft(role, { labId }, fromLab)).toBe(may);
		}
	);
});
