import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../budget/types';
import {
	rankPriorities,
	type Priority,
	type PriorityAction,
	type ServicePriority,
	type VoteDecision
} from './priorities';

/** The order of the report's actions, and the action each decision of the count becomes. */
const ORDER: PriorityAction[] = ['protect', 'decide', 'fund', 'fixFirst', 'makeSaving'];
const ACTION_OF: Record<Decision, PriorityAction | null> = {
	protected: 'protect',
	marginal: 'decide',
	fund: 'fund',
	accept: 'makeSaving',
	notNeeded: null,
	notSelected: null
};

const isFixFirst = (s: Pick<ServicePriority, 'quadrant' | 'importance' | 'satisfaction'>) =>
	s.quadrant === 'fixFirst' && s.importance !== null && s.satisfaction !== null;

/** Whether key `a` comes no later than key `b`, compared element by element. */
function notAfter(a: number[], b: number[]): boolean {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
	return true;
}

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

	it('ranks every priority once, 1..n, in the stated order, and leaves out what is not a priority', () => {
		const decisions = fc.uniqueArray(
			fc.record({
				id: fc.uuid(),
				decision: fc.constantFrom<Decision>(
					'fund',
					'accept',
					'protected',
					'marginal',
					'notNeeded',
					'notSelected'
				),
				rank: fc.nat(10),
				selectedAt: fc.option(fc.nat(5))
			}),
			{ maxLength: 30, selector: (d) => d.id }
		);
		// Small whole numbers, so that gaps and shares willing tie often.
		const services = fc.uniqueArray(
			fc.record({
				serviceId: fc.stringMatching(/^svc-[a-e]{1,2}$/),
				importance: fc.option(fc.integer({ min: 3, max: 5 }), { freq: 10 }),
				satisfaction: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 10 }),
				quadrant: fc.constantFrom('fixFirst', 'fixFirst', 'keep', 'rethink', 'watch', null),
				willing: fc.option(fc.constantFrom(0, 0.25, 0.5))
			}),
			{ maxLength: 12, selector: (s) => s.serviceId }
		);
		fc.assert(
			fc.property(decisions, services, (ds, ss) => {
				const result = rankPriorities(
					ds.map((d) => decision(d)),
					ss.map((s) => service(s))
				);
				expect(result.map((p) => p.rank)).toEqual(result.map((_, i) => i + 1));
				// Exactly the priorities: each selected proposal and each fix-first service with
				// both means, once.
				const expected = [
					...ds.filter((d) => ACTION_OF[d.decision] !== null).map((d) => d.id),
					...ss.filter(isFixFirst).map((s) => s.serviceId)
				];
				expect(result.map((p) => p.title).sort()).toEqual(expected.sort());
				// The order stated on the report: by action, then within each action its own rule.
				const key = (p: Priority): number[] => {
					const d = ds.find((x) => x.id === p.title);
					if (d) {
						expect(p.action).toBe(ACTION_OF[d.decision]);
						const funding = p.action === 'fund' ? [d.selectedAt ?? Infinity] : [];
						return [ORDER.indexOf(p.action), ...funding, d.rank];
					}
					const s = ss.find((x) => x.serviceId === p.title)!;
					const gap = s.importance! - s.satisfaction!;
					return [ORDER.indexOf('fixFirst'), -gap, -(s.willing ?? 0)];
				};
				for (let i = 1; i < result.length; i++)
					expect(notAfter(key(result[i - 1]), key(result[i]))).toBe(true);
			})
		);
	});
});
