import { describe, expect, it } from 'vitest';
import { welshGaps } from '../i18n/welsh';
import { voteWelshFields } from './welsh';

describe('the Welsh of a vote', () => {
	it('lists the vote and each proposal without Welsh, linking to where staff add it', () => {
		const gaps = welshGaps(
			voteWelshFields(
				{
					id: 2,
					title: 'Libraries',
					titleCy: 'Llyfrgelloedd',
					description: 'Which?',
					descriptionCy: null
				},
				[
					{
						id: 7,
						title: 'Open later',
						titleCy: 'Agor yn hwyrach',
						description: '',
						descriptionCy: null
					},
					{ id: 8, title: 'Close one', titleCy: null, description: 'Saves', descriptionCy: ' ' }
				]
			)
		);
		expect(gaps.map((g) => [g.label, g.href])).toEqual([
			['Vote description', '/staff/votes/2/settings'],
			['Proposal 2: title', '/staff/votes/2/proposals/8'],
			['Proposal 2: description', '/staff/votes/2/proposals/8']
		]);
	});
});
