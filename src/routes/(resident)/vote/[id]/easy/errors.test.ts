import { describe, expect, it } from 'vitest';
import { easyErrors } from './errors';

describe('the ballot refusals in easy read', () => {
	it.each([
		[
			'too many Wants, with the numbers and what to do',
			{ wants: 'err_vote_too_many_wants' },
			{ wants: { count: 4, max: 3 } },
			{
				wants: 'You chose Want 4 times. You can only choose Want 3 times. Change some to No view.'
			}
		],
		[
			"too many Don't wants",
			{ dontWants: 'err_vote_too_many_dont_wants' },
			{ dontWants: { count: 3, max: 2 } },
			{
				dontWants:
					"You chose Don't want 3 times. You can only choose Don't want 2 times. Change some to No view."
			}
		],
		[
			'a choice that is not one of the answers',
			{ 'mark-11': 'err_vote_mark_invalid' },
			{},
			{ 'mark-11': 'Choose one answer.' }
		],
		[
			'a code that has already voted, on paper or in the room: not "start again"',
			{ _: 'err_vote_code_used' },
			{},
			{
				_: 'Your code has already been used to vote. You cannot vote again with it. If you think this is wrong, please contact the council.'
			}
		],
		[
			'a form for another vote: start again',
			{ _: 'err_vote_unknown_proposal' },
			{},
			{ _: 'Something went wrong with this page. Nothing was saved. Please start again.' }
		]
	])('say %s', (_, errors, limits, expected) => {
		expect(easyErrors(errors, limits)).toEqual(expected);
	});
});
