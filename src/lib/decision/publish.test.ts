import { describe, expect, it } from 'vitest';
import { completeContent, demoEvidence } from '../test/decision';
import { nextNumber, publishProblems, versionStatus, type PublishContext } from './publish';
import { emptyDecision, emptyEqia, type DecisionContent } from './record';

const CTX: PublishContext = {
	voteClosedOn: '2026-10-30',
	today: '2026-11-10',
	unansweredQuestions: 0
};

describe('what a record needs before it is published', () => {
	it('publishes a complete record', () => {
		expect(publishProblems(completeContent(), CTX)).toEqual([]);
	});

	it.each([
		[
			'no options',
			(c: DecisionContent) => ({ ...c, options: [] }),
			'options',
			'List at least one option that was considered'
		],
		[
			'no summary',
			(c: DecisionContent) => ({ ...c, summary: { ...c.summary, views: ' ' } }),
			'summary',
			'Say in the consultation summary who took part and what they said'
		],
		[
			'no recommendation',
			(c: DecisionContent) => ({ ...c, recommendation: '' }),
			'recommendation',
			'Write the recommendation'
		],
		[
			'nothing recommended',
			(c: DecisionContent) => ({
				...c,
				options: c.options.map((o) => ({ ...o, recommended: false }))
			}),
			'recommendation',
			'Choose which options the recommendation includes'
		],
		[
			'an incomplete assessment',
			(c: DecisionContent) => ({ ...c, eqia: emptyEqia() }),
			'eqia',
			'Complete the equality impact assessment and sign it off'
		],
		[
			'a complete assessment not signed off',
			(c: DecisionContent) => ({ ...c, eqia: { ...c.eqia, signOff: null } }),
			'eqia',
			'Sign off the equality impact assessment'
		],
		[
			'no decision yet',
			(c: DecisionContent) => ({ ...c, decision: emptyDecision() }),
			'members',
			'Record the decision members took: a record is published once they decide'
		],
		[
			'a decision with an empty minute',
			(c: DecisionContent) => ({ ...c, decision: { ...c.decision, minuteRef: '' } }),
			'members',
			'Correct the members’ decision'
		],
		[
			'no public summary',
			(c: DecisionContent) => ({ ...c, decision: { ...c.decision, publicSummary: '' } }),
			'members',
			'Say in plain words what members decided, for the public page'
		],
		[
			'no Welsh public summary',
			(c: DecisionContent) => ({ ...c, decision: { ...c.decision, publicSummaryCy: '' } }),
			'members',
			'Say in Welsh what members decided, for the Welsh public page'
		],
		[
			'a change without Welsh',
			(c: DecisionContent) => ({ ...c, changes: [{ ...c.changes[0], whatCy: '' }] }),
			'members',
			'Give every change residents will see in Welsh too'
		]
	])('refuses %s', (_, change, section, message) => {
		expect(publishProblems(change(completeContent()), CTX)).toEqual([{ section, message }]);
	});

	it('refuses while a scrutiny question waits for an answer', () => {
		expect(publishProblems(completeContent(), { ...CTX, unansweredQuestions: 2 })).toEqual([
			{
				section: 'scrutiny',
				message: 'Answer every scrutiny question first (2 waiting for an answer)'
			}
		]);
	});

	it('publishes a record for an engagement with no closed vote', () => {
		const content = completeContent(demoEvidence({ vote: false }));
		content.options = [
			{
				id: 's-1',
				source: 'staff',
				title: 'Reduce opening hours',
				titleCy: '',
				kind: 'saving',
				amount: null,
				countDecision: null,
				description: '',
				recommended: true
			}
		];
		expect(publishProblems(content, { ...CTX, voteClosedOn: null })).toEqual([]);
	});
});

describe('versions', () => {
	const v = (number: number | null, published: boolean) => ({
		number,
		publishedAt: published ? new Date('2026-11-01') : null
	});
	const all = [v(1, true), v(2, true), v(null, false)];

	it.each([
		[0, 'superseded'],
		[1, 'current'],
		[2, 'draft']
	] as const)('version %i is %s', (i, status) => {
		expect(versionStatus(all[i], all)).toBe(status);
	});

	it('numbers the next published version after the last', () => {
		expect(nextNumber(all)).toBe(3);
		expect(nextNumber([v(null, false)])).toBe(1);
	});
});
