/**
 * Builders for decision-record tests: a small closed vote counted by the real engine, shaped
 * like the demo (day centres protected by their users and disabled residents, community
 * transport too close to call for older residents, the golf subsidy accepted with older
 * residents flagged, a shortfall with an override order), and the evidence drawn from it.
 */
import { count } from '../budget/count';
import type { CountResult } from '../budget/types';
import { adverseImpacts, signOff, writeMitigations } from '../decision/eqia';
import { representation, voteEvidence, type Evidence } from '../decision/evidence';
import {
	emptyDecision,
	emptyEqia,
	optionsFromEvidence,
	type DecisionContent,
	type Eqia,
	type MembersDecision
} from '../decision/record';
import { writeSummary } from '../decision/summary';
import { ballot, proposal, rules } from './votes';

export const SEGMENT_IDS = ['older', 'disabled', 'young'];

/** 300 ballots: 40 day-centre users, 25 disabled residents, 30 older, 5 young, 200 others. */
export function demoCount(): CountResult {
	return count({
		proposals: [
			proposal('centres', 'saving', 400_000_00, { service: 'day', affects: ['users', 'disabled'] }),
			proposal('transport', 'saving', 90_000_00, { service: 'transport', affects: ['older'] }),
			proposal('golf', 'saving', 60_000_00),
			proposal('offices', 'saving', 100_000_00),
			proposal('drivers', 'development', 15_000_00),
			proposal('placements', 'development', 40_000_00)
		],
		segments: SEGMENT_IDS.map((id) => ({ id, label: id })),
		rules: rules({ savingsTarget: 600_000_00, developmentBudget: 50_000_00, maxDontWants: 0 }),
		ballots: [
			ballot(40, { centres: 'dontWant', offices: 'want', golf: 'want' }, { uses: ['day'] }),
			ballot(25, { centres: 'dontWant', offices: 'want' }, { segments: ['disabled'] }),
			ballot(17, { transport: 'dontWant', golf: 'dontWant' }, { segments: ['older'] }),
			ballot(13, { transport: 'want', golf: 'dontWant' }, { segments: ['older'] }),
			ballot(5, { golf: 'want' }, { segments: ['young'] }),
			ballot(200, {
				centres: 'want',
				transport: 'want',
				golf: 'want',
				offices: 'want',
				drivers: 'want'
			})
		]
	});
}

export const LABELS = {
	users: { en: 'People who use the service', cy: "Pobl sy'n defnyddio'r gwasanaeth" },
	older: { en: 'Older people', cy: 'Pobl hŷn' },
	disabled: { en: 'Disabled residents', cy: 'Preswylwyr anabl' },
	young: { en: 'Young people', cy: '' }
};

/** Evidence from `demoCount`, with a survey and a lab, or without any of them. */
export function demoEvidence(
	parts: { vote?: boolean; survey?: boolean; lab?: boolean } = {}
): Evidence {
	const { vote = true, survey = true, lab = true } = parts;
	const result = demoCount();
	return {
		takenAt: '2026-11-01T10:00:00.000Z',
		engagement: { id: 1, title: 'Day services', serviceName: 'Adult day services' },
		vote: vote
			? voteEvidence({
					id: 7,
					title: 'Day services budget',
					titleCy: 'Cyllideb gwasanaethau dydd',
					closedAt: new Date('2026-10-30T10:00:00Z'),
					result,
					titlesCy: { centres: 'Cau canolfannau dydd' },
					serviceNames: { centres: 'Adult day services' },
					segmentIds: SEGMENT_IDS,
					representation: representation([
						{ label: 'Northgate', n: 30, population: 1000 },
						{ label: 'Westcliff', n: 150, population: 1000 },
						{ label: 'Harbour', n: 120, population: 1000 }
					])
				})
			: null,
		survey: survey
			? {
					id: 3,
					title: 'Day services survey',
					titleCy: '',
					respondents: 420,
					fixFirst: [
						{ en: 'Adult day services', cy: 'Gwasanaethau dydd i oedolion' },
						{ en: 'Community transport', cy: 'Trafnidiaeth gymunedol' }
					],
					representation: { under: [], over: [] }
				}
			: null,
		labs: lab
			? [
					{
						id: 1,
						title: 'Designing costs out',
						ideas: 42,
						participants: 26,
						shortlist: [
							{ label: 'Use community buildings', dots: 22, proposals: ['Day sessions in halls'] },
							{ label: 'Pay per session', dots: 16, proposals: [] }
						]
					}
				]
			: [],
		groupLabels: LABELS
	};
}

/** An assessment with every adverse impact mitigated and owned, a judgement, and signed off. */
export function signedEqia(evidence: Evidence): Eqia {
	const keys = adverseImpacts(evidence, emptyEqia()).map((a) => a.row.key);
	const written = writeMitigations(
		evidence,
		emptyEqia(),
		keys.map((key) => ({ key, mitigation: 'Keep a place for everyone', owner: 'Head of Service' })),
		'continue',
		'The savings are needed and every impact is mitigated.'
	);
	const signed = signOff(
		evidence,
		written,
		{ name: 'Dana Equality', role: 'Equality officer', date: '2026-11-03' },
		'2026-11-03'
	);
	if (!signed.ok) throw new Error(JSON.stringify(signed.errors));
	return signed.eqia;
}

/** Members decided as recommended on 5 November 2026; call-in open until the 12th. */
export const DECIDED: MembersDecision = {
	...emptyDecision(),
	status: 'decided',
	date: '2026-11-05',
	meeting: 'Cabinet',
	minuteRef: 'CAB/2026/118',
	asRecommended: true,
	callIn: { until: '2026-11-12', status: 'open', note: '' }
};

/** A record that can be published: every section filled in, decided as recommended. */
export function completeContent(evidence = demoEvidence()): DecisionContent {
	return {
		evidence,
		options: optionsFromEvidence(evidence),
		summary: writeSummary(evidence),
		recommendation: 'Accept the savings residents supported and find the rest elsewhere.',
		financeNote: '',
		eqia: signedEqia(evidence),
		decision: {
			...DECIDED,
			publicSummary: 'Members kept the day centres open.',
			publicSummaryCy: "Cadwodd yr aelodau'r canolfannau dydd ar agor."
		},
		changes: [
			{ id: 'c-1', what: 'Day sessions move to halls', whatCy: 'Sesiynau dydd', when: '2027-04-01' }
		]
	};
}
