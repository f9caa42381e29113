import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankPriorities, type ServicePriority, type VoteDecision } from './priorities';

function decision(
	over: Partial<VoteDecision> & Pick<VoteDecision, 'id' | 'decision' | 'rank'>
): VoteDecision {
	return {
		title: over.id,
		kind: over.decision === 'fund' ? 'development' : 'saving',
		amount: 1000,
		serviceName: 'Libraries',
		selectedAt: null,
		reasons: [`Reason for ${over.id}`],
		wants: 10,
		dontWants: 5,
		ballots: 20,
		groups: [],
		flags: [],
		knockOn: false,
		dependsOnOpen: false,
		overridePosition: null,
		...over
	};
}

function service(
	over: Partial<ServicePriority> & Pick<ServicePriority, 'serviceId'>
): ServicePriority {
	return {
		serviceName: over.serviceId,
		importance: 4,
		satisfaction: 2,
		quadrant: 'fixFirst',
		willing: 0.3,
		n: 100,
		...over
	};
}

describe('rankPriorities', () => {
	it('puts protected savings first, then funded developments, fix-first services, accepted savings', () => {
		const result = rankPriorities(
			[
				decision({ id: 'lights', decision: 'accept', rank: 1 }),
				decision({ id: 'day-centres', decision: 'protected', rank: 2 }),
				decision({ id: 'cafe', decision: 'fund', rank: 4, selectedAt: 2 }),
				decision({ id: 'bus', decision: 'fund', rank: 3, selectedAt: 1 }),
				decision({ id: 'garden', decision: 'notSelected', rank: 5 })
			],
			[service({ serviceId: 'transport' }), service({ serviceId: 'parks', quadrant: 'keep' })]
		);
		expect(result.map((p) => [p.rank, p.action, p.title])).toEqual([
			[1, 'protect', 'day-centres'],
			[2, 'fund', 'bus'],
			[3, 'fund', 'cafe'],
			[4, 'fixFirst', 'transport'],
			[5, 'makeSaving', 'lights']
		]);
	});

	it.each([
		{
			name: 'the larger gap between importance and satisfaction comes first',
			services: [
				service({ serviceId: 'a', importance: 4, satisfaction: 3 }),
				service({ serviceId: 'b', importance: 4.5, satisfaction: 2 })
			],
			order: ['b', 'a']
		},
		{
			name: 'on an equal gap, the service more people would help with comes first',
			services: [
				service({ serviceId: 'a', willing: 0.2 }),
				service({ serviceId: 'b', willing: 0.6 })
			],
			order: ['b', 'a']
		},
		{
			name: 'services without both means are left out',
			services: [service({ serviceId: 'a', satisfaction: null }), service({ serviceId: 'b' })],
			order: ['b']
		}
	])('$name', ({ services, order }) => {
		expect(rankPriorities([], services).map((p) => p.title)).toEqual(order);
	});

	it('puts savings too close to call after protected ones, for members to decide', () => {
		const result = rankPriorities(
			[
				decision({ id: 'bus', decision: 'fund', rank: 1, selectedAt: 1 }),
				decision({ id: 'transport', decision: 'marginal', rank: 3 }),
				decision({ id: 'day-centres', decision: 'protected', rank: 2 })
			],
			[]
		);
		expect(result.map((p) => [p.action, p.title])).toEqual([
			['protect', 'day-centres'],
			['decide', 'transport'],
			['fund', 'bus']
		]);
	});

	it("carries a vote item's groups, flags, knock-on, dependence on open ballots and override place", () => {
		const finding = {
			group: 'users',
			label: 'Service users',
			ballots: 60,
			count: 51,
			share: 0.85,
			othersBallots: 1420,
			othersCount: 259,
			othersShare: 0.18,
			fragility: 14
		};
		const carried = {
			groups: [finding],
			flags: [{ ...finding, group: 'older', label: 'Older people', fragility: null }],
			knockOn: true,
			dependsOnOpen: true,
			overridePosition: 2
		};
		const [vote, survey] = rankPriorities(
			[decision({ id: 'x', decision: 'protected', rank: 1, ...carried })],
			[service({ serviceId: 'transport' })]
		);
		expect(vote).toMatchObject(carried);
		expect(survey).toMatchObject({
			groups: [],
			flags: [],
			knockOn: false,
			dependsOnOpen: false,
			overridePosition: null
		});
	});

	it('explains each vote item with its first reason and its figures', () => {
		const [p] = rankPriorities(
			[decision({ id: 'x', decision: 'protected', rank: 1, reasons: ['Protected: 64% ...'] })],
			[]
		);
		expect(p.why).toBe('Protected: 64% ...');
		expect(p.evidence).toBe("10 want, 5 don't want, of 20 ballots (rank 1)");
	});

	it('ranks every priority once, 1..n, and never lists a proposal that was not selected', () => {
		const decisions = fc.array(
			fc.record({
				id: fc.uuid(),
				decision: fc.constantFrom(
					'fund',
					'accept',
					'protected',
					'marginal',
					'notNeeded',
					'notSelected' as const
				),
				rank: fc.nat(100)
			}),
			{ maxLength: 30 }
		);
		fc.assert(
			fc.property(decisions, (ds) => {
				const result = rankPriorities(
					ds.map((d) => decision(d)),
					[]
				);
				expect(result.map((p) => p.rank)).toEqual(result.map((_, i) => i + 1));
				expect(result).toHaveLength(
					ds.filter((d) => d.decision !== 'notSelected' && d.decision !== 'notNeeded').length
				);
			})
		);
	});
});
