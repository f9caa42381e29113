// The demo's decision record: Cabinet's decision on the day services vote, drafted from the
// closed count, assessed for equality, scrutinised by a councillor and published, with the
// call-in period open. Every step goes through the same functions staff use.
import { eq } from 'drizzle-orm';
import { adverseImpacts } from '../../decision/eqia';
import { isRefusal } from '../command-refusal';
import type { DB } from '../db/open';
import { user } from '../db/schema';
import type { SeedContext } from '../seed/types';
import type { SessionUser } from '../session';
import { councilDay } from './evidence';
import * as records from './records';
import * as scrutiny from './scrutiny';

const DAY = 24 * 60 * 60 * 1000;

/** What each adverse impact the demo count finds is mitigated by, and who owns it. */
const MITIGATIONS: Record<string, { mitigation: string; owner: string }> = {
	older: {
		mitigation:
			'Community transport stays at five days a week (the saving is not made). Older golfers keep concession rates at the municipal course until March 2028 and the club is helped to set up a members’ scheme.',
		owner: 'Head of Leisure and Transport'
	},
	users: {
		mitigation:
			'Both day centres stay open: the saving is not made. Any future change to day centres is co-produced with the people who use them before it is proposed.',
		owner: 'Director of Adult Social Care'
	},
	disabled: {
		mitigation:
			'Both day centres stay open. The move of some sessions to community buildings is checked for access with the Disability Forum first.',
		owner: 'Director of Adult Social Care'
	}
};

/** Runs one step of the demo record, saying which one a refusal stopped (a bug in the seed). */
function ok<T>(run: () => T, step: string): T {
	try {
		return run();
	} catch (e) {
		if (!isRefusal(e)) throw e;
		throw new Error(`Demo decision record: ${step} refused: ${JSON.stringify(e.fields)}`, {
			cause: e
		});
	}
}

function sessionUser(tx: DB, id: number): SessionUser {
	const u = tx.select().from(user).where(eq(user.id, id)).get()!;
	return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export function seedDecisionRecord(tx: DB, ctx: SeedContext): void {
	const engagementId = ctx.engagementIds[0];
	const commissioner = sessionUser(tx, ctx.staffIds.commissioner);
	// The scrutiny question is a councillor's (a seed without one asks nothing).
	const councillor = ctx.staffIds.councillor ? sessionUser(tx, ctx.staffIds.councillor) : null;
	const actor = { id: commissioner.id, email: commissioner.email };
	const at = (hoursAgo: number) => new Date(ctx.now.getTime() - hoursAgo * 60 * 60 * 1000);
	const edit = (hoursAgo: number): records.Editing => ({
		db: tx,
		actor,
		engagementId,
		now: at(hoursAgo)
	});

	ok(() => records.startDraft(edit(44), 'data'), 'drafting');
	ok(
		() =>
			records.addOption(
				edit(43),
				{
					title: 'Pay day-service providers per session attended instead of block contracts',
					titleCy:
						'Talu darparwyr gwasanaethau dydd am bob sesiwn a fynychir yn lle contractau bloc',
					kind: 'saving',
					amount: 85_000_00,
					description:
						'An idea from the co-production lab (16 dots) that was not costed in time for the vote. Finance estimate: £85,000 a year from sessions not attended.'
				},
				's-per-session'
			),
		'adding an option'
	);
	const draft = records.getRecord(tx, engagementId)!.draft!.content;
	const accepted = draft.options
		.filter((o) => o.countDecision === 'accept' || o.countDecision === 'fund')
		.map((o) => o.id);
	ok(
		() =>
			records.saveRecommendation(edit(42), {
				recommended: [...accepted, 's-per-session'],
				recommendation:
					'Make the savings residents supported, keep both day centres open as residents protected, keep community transport at five days a week, fund the volunteer driver scheme, and close the remaining £85,000 gap by paying providers per session attended.',
				financeNote:
					'With the per-session contracts the savings meet the £600,000 target without the protected or too-close-to-call savings.'
			}),
		'recommending'
	);
	const impacts = adverseImpacts(draft.evidence, draft.eqia).map(({ row }) => {
		const part = row.group.group.split('+')[0];
		return { key: row.key, ...(MITIGATIONS[part] ?? MITIGATIONS.users) };
	});
	ok(
		() =>
			records.saveAssessment(edit(40), {
				entries: impacts,
				judgement: 'adjust',
				reasons:
					'The proposals were adjusted: the two savings that older and disabled residents and day-centre users depend on are not made, and the golf subsidy ends with a concession for older players.',
				signOff: {
					name: 'Priya Shah',
					role: 'Equality and Diversity Lead',
					date: councilDay(at(40))
				}
			}),
		'signing off the assessment'
	);
	const question = councillor
		? ok(
				() =>
					scrutiny.ask(
						tx,
						councillor,
						engagementId,
						{
							kind: 'question',
							text: 'How will carers hear about day sessions moving to community buildings, and will transport still reach them?'
						},
						at(30)
					),
				'asking a question'
			)
		: null;
	if (question !== null)
		ok(
			() =>
				scrutiny.answer(
					tx,
					commissioner,
					engagementId,
					{
						itemId: question,
						answer:
							'Every carer gets a letter and a call from their key worker by February. The volunteer driver scheme and dial-a-ride both serve the new venues.'
					},
					at(28)
				),
			'answering'
		);
	const today = councilDay(ctx.now);
	ok(
		() =>
			records.saveDecision(edit(2), {
				status: 'decided',
				date: today,
				meeting: 'Cabinet',
				minuteRef: 'CAB/2026/114',
				asRecommended: true,
				reasons: '',
				publicSummary:
					'Cabinet kept both day centres open and community transport at five days a week, as residents asked. It made the savings residents supported and will pay providers for each session attended to close the gap.',
				publicSummaryCy:
					'Cadwodd y Cabinet y ddwy ganolfan ddydd ar agor a thrafnidiaeth gymunedol bum diwrnod yr wythnos, fel y gofynnodd preswylwyr. Gwnaeth yr arbedion a gefnogwyd gan breswylwyr a bydd yn talu darparwyr am bob sesiwn a fynychir i gau’r bwlch.',
				callIn: {
					until: councilDay(new Date(ctx.now.getTime() + 5 * DAY)),
					status: 'open',
					note: ''
				}
			}),
		'recording the decision'
	);
	for (const [id, what, whatCy, when] of [
		[
			'c-drivers',
			'The volunteer driver scheme starts taking bookings',
			'Y cynllun gyrwyr gwirfoddol yn dechrau derbyn archebion',
			'2027-01-04'
		],
		[
			'c-halls',
			'Some day sessions move to community buildings in Old Town and Eastfield',
			'Rhai sesiynau dydd yn symud i adeiladau cymunedol yn yr Hen Dref a Eastfield',
			'2027-04-01'
		],
		[
			'c-sessions',
			'Day-service providers are paid per session attended',
			'Darparwyr gwasanaethau dydd yn cael eu talu am bob sesiwn a fynychir',
			'2027-04-01'
		]
	] as const)
		ok(() => records.addChange(edit(1), { what, whatCy, when }, id), 'adding a change');
	ok(() => records.publish(edit(0)), 'publishing');
}
