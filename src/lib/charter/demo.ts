import type { CharterContent } from './charter';
import { newCharter, transition, type CharterAction, type TransitionContext } from './lifecycle';
import type { CharterState, CharterStatus } from './state';

/**
 * A worked example charter: demo data for `db:seed` and the starting point for tests. It is
 * complete (nothing missing for signing) and has one party of each kind.
 */
export function demoCharterContent(): CharterContent {
	return {
		title: 'Riverside Day Opportunities Charter',
		service: 'Day opportunities for adults with learning disabilities in Riverside',
		summary: 'How the council, the provider and residents run the Riverside hub together.',
		outcomes: [
			{
				id: 'o-independent',
				title: 'Living independently',
				indicator: 'People using the hub who still live in their own home a year later',
				baseline: '78% (2025)',
				target: '85% by March 2027'
			},
			{
				id: 'o-connected',
				title: 'Feeling connected',
				indicator: 'Users who say they have someone to talk to most days',
				baseline: '52% (2025 survey)',
				target: '65% by March 2027'
			}
		],
		parties: [
			{
				id: 'p-council',
				kind: 'commissioner',
				organisation: 'Riverside Borough Council',
				contactName: 'Priya Shah',
				contactEmail: 'commissioning@riverside.example.gov.uk',
				role: 'Funds the service and chairs the forum',
				signatoryName: 'Alan Brooks',
				signatoryRole: 'Director of Adult Social Care'
			},
			{
				id: 'p-provider',
				kind: 'provider',
				organisation: 'Hub Together CIC',
				contactName: 'Sam Okafor',
				contactEmail: 'sam@hubtogether.example.org',
				role: 'Runs the day hub',
				signatoryName: 'Sam Okafor',
				signatoryRole: 'Chief Executive'
			},
			{
				id: 'p-residents',
				kind: 'community',
				organisation: 'Riverside Carers Forum',
				contactName: 'Jean Evans',
				contactEmail: '',
				role: 'Speaks for users and carers',
				signatoryName: 'Jean Evans',
				signatoryRole: 'Chair'
			}
		],
		governance: {
			forum: 'Riverside Hub Partnership Forum',
			membership: 'Two people from each party, at least half of them users or carers',
			meetingFrequency: 'Every two months, in public',
			decides: 'Opening hours, activity programme and how the activities budget is spent',
			disputes: 'Referred to an independent mediator agreed by all parties',
			concerns: 'At the hub desk, by phone or online; answered within 10 working days'
		},
		commitments: [
			{
				id: 'c-funding',
				partyId: 'p-council',
				what: 'Fund the hub at £420,000 a year for three years',
				kind: 'money',
				owner: 'Head of Commissioning',
				measure: 'Quarterly payments made on time',
				date: '2027-03-31',
				dateKind: 'review'
			},
			{
				id: 'c-hours',
				partyId: 'p-provider',
				what: 'Open the hub 40 hours a week, including one evening',
				kind: 'staff-time',
				owner: 'Hub Manager',
				measure: 'Opening hours log published monthly',
				date: '2026-09-30',
				dateKind: 'review'
			},
			{
				id: 'c-volunteers',
				partyId: 'p-residents',
				what: 'Run a peer support group every week',
				kind: 'volunteer-hours',
				owner: 'Carers Forum chair',
				measure: 'Sessions held and people attending',
				date: '2026-09-30',
				dateKind: 'review'
			}
		],
		standards: [
			{ id: 's-hours', text: 'Open 40 hours a week, including one evening' },
			{ id: 's-reply', text: 'Reply to every concern within 10 working days' }
		],
		links: { surveyIds: [], labIds: [], voteIds: [] }
	};
}

const staff = (now: string): TransitionContext => ({ actor: { kind: 'staff' }, now });

/**
 * The demo charter walked through its life cycle to `status`, with fixed dates in 2026, for
 * seeding and tests. Throws if a step is refused: that would be a bug in the rules or here.
 */
export function demoCharter(status: CharterStatus): CharterState {
	let state = newCharter(demoCharterContent());
	const step = (action: CharterAction, context: TransitionContext) => {
		const result = transition(state, action, context);
		if (!result.ok)
			throw new Error(`Demo step ${action.type} refused: ${result.reasons.join(' ')}`);
		state = result.state;
	};
	if (status === 'draft') return state;
	step({ type: 'openConsultation' }, staff('2026-01-05T09:00:00.000Z'));
	step(
		{ type: 'comment', id: 'k1', authorName: 'Mo', text: 'Please open on Saturdays too.' },
		{ actor: { kind: 'public' }, now: '2026-01-10T18:30:00.000Z' }
	);
	step(
		{
			type: 'answerComment',
			commentId: 'k1',
			response: 'answered',
			answer: 'The evening opening is a first step; the forum will look at Saturdays in the review.'
		},
		staff('2026-01-12T10:00:00.000Z')
	);
	if (status === 'consultation') return state;
	step({ type: 'openSigning' }, staff('2026-02-01T09:00:00.000Z'));
	if (status === 'signing') return state;
	const version = state.versions[0];
	for (const party of version.content.parties) {
		step(
			{
				type: 'sign',
				name: party.signatoryName,
				role: party.signatoryRole,
				versionHash: version.hash
			},
			{
				actor: { kind: 'signatory', partyId: party.id, versionNumber: version.number },
				now: '2026-02-10T12:00:00.000Z'
			}
		);
	}
	if (status === 'agreed') return state;
	step({ type: 'publish' }, staff('2026-02-15T09:00:00.000Z'));
	if (status === 'published') return state;
	step(
		{
			type: 'recordReview',
			id: 'r1',
			target: { kind: 'commitment', id: 'c-hours' },
			status: 'amber',
			note: 'Evening opening started in May, not April.'
		},
		staff('2026-06-01T09:00:00.000Z')
	);
	if (status === 'review') return state;
	step({ type: 'startAmendment' }, staff('2026-07-01T09:00:00.000Z'));
	return state;
}
