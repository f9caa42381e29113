// The Harbourside demo charter: agreed by the council, the provider and the carers' forum,
// published, and half-way through its first review (some commitments on track, one with
// concerns and a note saying why).
import { eq } from 'drizzle-orm';
import type { CharterContent } from '../../charter/charter';
import { demoCharterContent } from '../../charter/demo';
import {
	newCharter,
	transition,
	type CharterAction,
	type TransitionContext
} from '../../charter/lifecycle';
import type { CharterState } from '../../charter/state';
import type { DB } from '../db/open';
import { charter, engagement } from '../db/schema';
import type { SeedContext } from '../seed/types';
import { saveChanges } from './rows';

/** The demo charter's public address: readable, since it is published for everyone anyway. */
export const DEMO_CHARTER_SLUG = 'harbourside-day-opportunities';

const DAY = 24 * 60 * 60 * 1000;

/** The colleague's worked example, moved to Harbourside, with dates around the seed's "now". */
export function harboursideContent(now: Date): CharterContent {
	const content: CharterContent = JSON.parse(
		JSON.stringify(demoCharterContent()).replaceAll('Riverside', 'Harbourside')
	);
	const inDays = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
	content.service = 'Adult day services: day opportunities for adults with learning disabilities';
	content.commitments = content.commitments.map((c) => ({
		...c,
		date: c.id === 'c-funding' ? inDays(150) : inDays(60)
	}));
	content.cy = HARBOURSIDE_WELSH;
	return content;
}

/** The demo charter in Welsh, signed with the English (names of people and bodies stay as they are). */
const HARBOURSIDE_WELSH: Record<string, string> = {
	title: 'Siarter Cyfleoedd Dydd Harbourside',
	service: 'Gwasanaethau dydd i oedolion: cyfleoedd dydd i oedolion ag anableddau dysgu',
	summary: "Sut mae'r cyngor, y darparwr a thrigolion yn rhedeg hyb Harbourside gyda'i gilydd.",
	'outcomes.o-independent.title': 'Byw yn annibynnol',
	'outcomes.o-independent.indicator':
		"Pobl sy'n defnyddio'r hyb sy'n dal i fyw yn eu cartref eu hunain flwyddyn yn ddiweddarach",
	'outcomes.o-independent.baseline': '78% (2025)',
	'outcomes.o-independent.target': '85% erbyn Mawrth 2027',
	'outcomes.o-connected.title': 'Teimlo mewn cysylltiad',
	'outcomes.o-connected.indicator':
		"Defnyddwyr sy'n dweud bod ganddynt rywun i siarad ag ef y rhan fwyaf o ddyddiau",
	'outcomes.o-connected.baseline': '52% (arolwg 2025)',
	'outcomes.o-connected.target': '65% erbyn Mawrth 2027',
	'parties.p-council.role': "Yn ariannu'r gwasanaeth ac yn cadeirio'r fforwm",
	'parties.p-provider.role': 'Yn rhedeg yr hyb dydd',
	'parties.p-residents.role': 'Yn siarad ar ran defnyddwyr a gofalwyr',
	'commitments.c-funding.what': "Ariannu'r hyb ar £420,000 y flwyddyn am dair blynedd",
	'commitments.c-funding.owner': 'Pennaeth Comisiynu',
	'commitments.c-funding.measure': 'Taliadau chwarterol wedi eu gwneud mewn pryd',
	'commitments.c-hours.what': 'Agor yr hyb 40 awr yr wythnos, gan gynnwys un noson',
	'commitments.c-hours.owner': 'Rheolwr yr Hyb',
	'commitments.c-hours.measure': 'Cofnod oriau agor yn cael ei gyhoeddi bob mis',
	'commitments.c-volunteers.what': 'Rhedeg grŵp cymorth cymheiriaid bob wythnos',
	'commitments.c-volunteers.owner': 'Cadeirydd y Fforwm Gofalwyr',
	'commitments.c-volunteers.measure': "Sesiynau a gynhaliwyd a'r bobl a ddaeth",
	'standards.s-hours.text': 'Ar agor 40 awr yr wythnos, gan gynnwys un noson',
	'standards.s-reply.text': 'Ateb pob pryder o fewn 10 diwrnod gwaith',
	'governance.forum': 'Fforwm Partneriaeth Hyb Harbourside',
	'governance.membership': "Dau o bob parti, gydag o leiaf eu hanner yn ddefnyddwyr neu'n ofalwyr",
	'governance.meetingFrequency': 'Bob deufis, yn gyhoeddus',
	'governance.decides':
		"Oriau agor, rhaglen weithgareddau a sut mae'r gyllideb weithgareddau'n cael ei gwario",
	'governance.disputes':
		"Yn cael eu cyfeirio at gyfryngwr annibynnol y mae pob parti'n cytuno arno",
	'governance.concerns': 'Wrth ddesg yr hyb, dros y ffôn neu ar-lein; ateb o fewn 10 diwrnod gwaith'
};

/** The demo charter's life so far, every step through the real life cycle. */
export function demoCharterState(now: Date): CharterState {
	let state = newCharter(harboursideContent(now));
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
	const staff = (daysAgo: number): TransitionContext => ({
		actor: { kind: 'staff' },
		now: at(daysAgo)
	});
	const step = (action: CharterAction, context: TransitionContext) => {
		const result = transition(state, action, context);
		if (!result.ok)
			throw new Error(`Demo charter: ${action.type} refused: ${result.reasons.join(' ')}`);
		state = result.state;
	};
	const resident = (daysAgo: number): TransitionContext => ({
		actor: { kind: 'public' },
		now: at(daysAgo)
	});

	step({ type: 'openConsultation' }, staff(200));
	step(
		{ type: 'comment', id: 'k1', authorName: 'Mo', text: 'Please open on Saturdays too.' },
		resident(195)
	);
	step(
		{
			type: 'comment',
			id: 'k2',
			authorName: '',
			text: 'My son needs the minibus to get there. Will transport still be provided?'
		},
		resident(190)
	);
	step(
		{
			type: 'answerComment',
			commentId: 'k1',
			response: 'answered',
			answer: 'The evening opening is a first step; the forum will look at Saturdays in the review.'
		},
		staff(185)
	);
	step(
		{
			type: 'answerComment',
			commentId: 'k2',
			response: 'acknowledged',
			answer:
				'Transport is outside this charter; we have passed your question to community transport.'
		},
		staff(185)
	);
	step({ type: 'openSigning' }, staff(170));
	const version = state.versions[0];
	version.content.parties.forEach((party, i) =>
		step(
			{
				type: 'sign',
				name: party.signatoryName,
				role: party.signatoryRole,
				versionHash: version.hash
			},
			{
				actor: { kind: 'signatory', partyId: party.id, versionNumber: version.number },
				now: at(165 - i * 2)
			}
		)
	);
	step({ type: 'publish' }, staff(155));
	const review = (
		id: string,
		kind: 'commitment' | 'outcome',
		target: string,
		status: 'green' | 'amber',
		note: string
	) => step({ type: 'recordReview', id, target: { kind, id: target }, status, note }, staff(20));
	review(
		'r1',
		'commitment',
		'c-funding',
		'green',
		'Both quarterly payments so far were made on time.'
	);
	review(
		'r2',
		'commitment',
		'c-hours',
		'amber',
		'Evening opening started in May, not April, because a second member of staff was needed. The hub is now open 38 of the 40 hours.'
	);
	review(
		'r3',
		'commitment',
		'c-volunteers',
		'green',
		'Twenty-two peer support sessions held, eleven people on average.'
	);
	review(
		'r4',
		'outcome',
		'o-connected',
		'green',
		'Early survey: 58% now say they have someone to talk to most days.'
	);
	return state;
}

/** Seeds the demo charter on the first engagement (adult day services). */
export function seedDemoCharter(tx: DB, ctx: SeedContext): void {
	const engagementId = ctx.engagementIds[0];
	const found = tx
		.select({ serviceId: engagement.serviceId })
		.from(engagement)
		.where(eq(engagement.id, engagementId))
		.get();
	if (!found) return;
	const state = demoCharterState(ctx.now);
	const createdAt = new Date(ctx.now.getTime() - 230 * DAY);
	const id = tx
		.insert(charter)
		.values({
			engagementId,
			serviceId: found.serviceId,
			status: state.status,
			content: JSON.stringify(state.content),
			slug: DEMO_CHARTER_SLUG,
			createdBy: ctx.staffIds.commissioner,
			createdAt,
			updatedAt: ctx.now
		})
		.returning({ id: charter.id })
		.get().id;
	const before: CharterState = { ...state, versions: [], comments: [], reviews: [] };
	saveChanges(tx, { id, versionIds: new Map() }, before, state, ctx.now, ctx.staffIds.commissioner);
}
