/**
 * The Harbourside demo labs: a finished one on adult day services (ideas, themes, dots, a
 * shortlist that became proposals in the draft vote "Day services budget 2027") and an open
 * one on libraries that a newcomer can join from a phone with the code HARP47. Built through
 * the same functions the app uses, with a seeded PRNG and times fixed against `ctx.now`.
 */
import type { IdeaKind, ItemRef, ParticipantRole } from '../../lab/ideas';
import { mulberry32, weightedPick } from '../../random/prng';
import type { Actor, Staff } from '../audit';
import { isRefusal } from '../command-refusal';
import type { DB } from '../db/open';
import { participant } from '../db/schema';
import { STAFF } from '../seed/council';
import type { SeedContext } from '../seed/types';
import { hashToken } from '../tokens';
import { changePhase, createLab } from './labs';
import { moderate, type ModerationRequest } from './moderation';
import { addDot, joinLab, postIdea } from './participation';
import { createDraftVote, createProposal } from './proposals';

/** The open demo lab's join code (letters from the lab alphabet), printed in the README. */
export const OPEN_LAB_CODE = 'HARP47';
/** The finished demo lab's join code. */
export const FINISHED_LAB_CODE = 'CARE49';
/** The draft vote the finished lab's shortlist went into (the budget seed finds it by title). */
export const DEMO_VOTE_TITLE = 'Day services budget 2027';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Who = { name: string | null; role: ParticipantRole };

// 26 people in the room: people who use day services, carers, staff, managers and others.
const PEOPLE: Who[] = [
	{ name: 'Dan', role: 'serviceUser' },
	{ name: null, role: 'serviceUser' },
	{ name: 'Priya', role: 'serviceUser' },
	{ name: 'Tom', role: 'serviceUser' },
	{ name: null, role: 'serviceUser' },
	{ name: 'Gwen', role: 'serviceUser' },
	{ name: null, role: 'serviceUser' },
	{ name: 'Ahmed', role: 'serviceUser' },
	{ name: 'Sue', role: 'carer' },
	{ name: null, role: 'carer' },
	{ name: 'Rhys', role: 'carer' },
	{ name: 'Margaret', role: 'carer' },
	{ name: null, role: 'carer' },
	{ name: 'Leanne', role: 'carer' },
	{ name: null, role: 'carer' },
	{ name: 'Jo', role: 'staff' },
	{ name: null, role: 'staff' },
	{ name: 'Kwame', role: 'staff' },
	{ name: 'Bethan', role: 'staff' },
	{ name: null, role: 'staff' },
	{ name: 'Carl', role: 'staff' },
	{ name: 'Helen', role: 'manager' },
	{ name: null, role: 'manager' },
	{ name: 'Owen', role: 'manager' },
	{ name: null, role: 'other' },
	{ name: 'Father Michael', role: 'other' }
];

interface SeedIdea {
	key: string;
	/** Index into PEOPLE. */
	by: number;
	prompt: 'p1' | 'p2';
	kind: IdeaKind;
	text: string;
	contribution?: string;
}

const IDEAS: SeedIdea[] = [
	{
		key: 'buildings',
		by: 0,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Run some sessions in the library or community centre instead of the day centre building'
	},
	{
		key: 'choose',
		by: 1,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Let us choose our activities each week instead of a fixed timetable'
	},
	{
		key: 'cafe',
		by: 2,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'I would like to help run the café at the centre and get a real job reference',
		contribution: 'Two mornings a week'
	},
	{
		key: 'taxis',
		by: 3,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Share taxis with friends instead of a bus each'
	},
	{
		key: 'trips',
		by: 4,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'More trips out to the seafront and the park in summer'
	},
	{
		key: 'computers',
		by: 5,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'Teach other people how to use the computers and tablets',
		contribution: 'I am good with tablets'
	},
	{
		key: 'saturday',
		by: 6,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Open on Saturdays and close one weekday instead'
	},
	{
		key: 'garden',
		by: 7,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'A gardening group that grows vegetables for the café'
	},
	{
		key: 'walk',
		by: 0,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Walk together to places nearby instead of always taking the minibus'
	},
	{
		key: 'late',
		by: 8,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'A late finish two days a week so carers can keep working'
	},
	{
		key: 'rota',
		by: 9,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'A carers’ rota to help at lunch times',
		contribution: 'One lunchtime a month'
	},
	{
		key: 'pool',
		by: 10,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Let families pool direct payments and book activities together'
	},
	{
		key: 'texts',
		by: 11,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'A text message when the timetable changes, not a letter a week later'
	},
	{
		key: 'share',
		by: 12,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Share the building with the children’s centre in the afternoons'
	},
	{
		key: 'peer',
		by: 13,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'Carers could run a peer support group at the centre',
		contribution: 'I have run one before'
	},
	{
		key: 'respite',
		by: 14,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'One night of respite a month matters more to us than an extra day'
	},
	{
		key: 'email',
		by: 8,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Send letters by email to families who want that'
	},
	{
		key: 'friday',
		by: 15,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Merge the two half-empty Friday groups at Northgate and Eastfield'
	},
	{
		key: 'volunteers',
		by: 16,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'Train volunteers to lead the art and music sessions'
	},
	{
		key: 'food',
		by: 17,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Buy food together with the school kitchens'
	},
	{
		key: 'reviews',
		by: 18,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'One care plan review a year instead of two when needs are stable'
	},
	{
		key: 'market',
		by: 19,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'Sell crafts made in sessions at the harbour market',
		contribution: 'I can run the stall'
	},
	{
		key: 'jobs',
		by: 20,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Supported work placements with local businesses'
	},
	{
		key: 'heating',
		by: 15,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Put the heating and lighting on timers and switch to LED'
	},
	{
		key: 'hire',
		by: 17,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Hire out the empty rooms in the evenings'
	},
	{
		key: 'routes',
		by: 16,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Plan the bus routes with software so buses run fuller'
	},
	{
		key: 'sessions',
		by: 21,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Pay providers per session attended instead of block contracts'
	},
	{
		key: 'leisure',
		by: 22,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Off-peak swimming and gym sessions with the leisure centre'
	},
	{
		key: 'health',
		by: 23,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Commission dementia day support jointly with the NHS'
	},
	{
		key: 'travel',
		by: 21,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Travel training so more people can use ordinary buses'
	},
	{
		key: 'hubs',
		by: 23,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Small hubs in each ward instead of one big centre'
	},
	{
		key: 'halls',
		by: 25,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'Church halls are empty on weekdays and could host groups',
		contribution: 'Our hall is free Tuesday to Thursday'
	},
	{
		key: 'drivers',
		by: 24,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'A volunteer driver scheme, like the hospital car service',
		contribution: 'I could drive one morning a week'
	},
	{
		key: 'buildings2',
		by: 9,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Meet in community centres and libraries, not only the day centre'
	},
	{
		key: 'drivers2',
		by: 11,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'Volunteers could drive people to sessions'
	},
	{
		key: 'leisure2',
		by: 19,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Cheaper swimming for our groups at the leisure centre'
	},
	{
		key: 'potholes',
		by: 4,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Fix the potholes on Harbour Road'
	},
	{
		key: 'personal',
		by: 12,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Get rid of the manager at Millbrook, she never listens'
	},
	{
		key: 'buddy',
		by: 3,
		prompt: 'p2',
		kind: 'communityCanDo',
		text: 'A buddy scheme pairing newcomers with someone who has been coming a while'
	},
	{
		key: 'online',
		by: 13,
		prompt: 'p1',
		kind: 'improvesOutcomes',
		text: 'Put the timetable and the menu online so families can plan'
	},
	{
		key: 'relief',
		by: 22,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'A bank of our own relief workers instead of agency staff'
	},
	{
		key: 'opencafe',
		by: 18,
		prompt: 'p1',
		kind: 'savesMoney',
		text: 'Open the café to the public to bring in some income'
	}
];

const THEMES: { key: string; name: string; ideas: string[] }[] = [
	{
		key: 'community',
		name: 'Use community buildings',
		ideas: ['buildings', 'share', 'hire', 'halls', 'hubs']
	},
	{ key: 'transport', name: 'Transport', ideas: ['taxis', 'walk', 'routes', 'travel', 'drivers'] },
	{
		key: 'volunteering',
		name: 'Volunteering and peer support',
		ideas: ['cafe', 'computers', 'rota', 'peer', 'volunteers', 'market', 'buddy', 'garden']
	},
	{
		key: 'personal',
		name: 'Flexible, personal support',
		ideas: ['choose', 'saturday', 'late', 'pool', 'respite', 'jobs', 'health', 'texts', 'online']
	},
	{
		key: 'running',
		name: 'Running costs',
		ideas: [
			'email',
			'friday',
			'food',
			'reviews',
			'heating',
			'sessions',
			'leisure',
			'relief',
			'opencafe'
		]
	}
];

/** The shortlist, in the order picked; the first four became proposals. */
const SHORTLIST: { ref: { type: 'idea' | 'theme'; key: string }; weight: number }[] = [
	{ ref: { type: 'theme', key: 'community' }, weight: 14 },
	{ ref: { type: 'theme', key: 'transport' }, weight: 12 },
	{ ref: { type: 'idea', key: 'drivers' }, weight: 10 },
	{ ref: { type: 'idea', key: 'jobs' }, weight: 9 },
	{ ref: { type: 'idea', key: 'sessions' }, weight: 8 }
];

const PROPOSALS: {
	title: string;
	description: string;
	kind: 'saving' | 'development';
	pounds: number;
}[] = [
	{
		title: 'Run day sessions from community buildings',
		description:
			'Move two days a week of sessions from the Millbrook day centre into libraries, church halls and community centres, and hire out the empty rooms in the evenings. Suggested at the co-production lab by people who use the service, carers and staff.',
		kind: 'saving',
		pounds: 120_000
	},
	{
		title: 'Smarter day services transport',
		description:
			'Plan bus routes so vehicles run fuller, offer travel training for people who could use ordinary buses, and share taxis where that suits people.',
		kind: 'saving',
		pounds: 85_000
	},
	{
		title: 'Volunteer driver scheme',
		description:
			'Recruit and insure volunteer drivers, on the model of the hospital car service, to bring people to sessions and trips. Volunteers offered their time at the lab.',
		kind: 'development',
		pounds: 15_000
	},
	{
		title: 'Supported work placements',
		description:
			'A job coach to set up supported work placements with local businesses, including the centre café, for people who want to work.',
		kind: 'development',
		pounds: 40_000
	}
];

/**
 * A demo participant's browser. Its token is made from the PRNG, so the seed gives the same
 * rows every time; nobody holds these tokens, so nobody can act as these people.
 */
function demoBrowser(tx: DB, rng: () => number, at: Date): number {
	const token = `demo-lab-${Math.floor(rng() * 2 ** 52).toString(36)}-${Math.floor(rng() * 2 ** 52).toString(36)}`;
	return tx
		.insert(participant)
		.values({ tokenHash: hashToken(token), createdAt: at, lastSeenAt: at })
		.returning({ id: participant.id })
		.get().id;
}

/** Seeds both demo labs (runs inside the seed's transaction). */
export function seedDemo(tx: DB, ctx: SeedContext): void {
	const facilitator = STAFF.find((s) => s.role === 'facilitator')!;
	const actor: Staff = {
		id: ctx.staffIds.facilitator,
		email: facilitator.email,
		role: 'facilitator'
	};
	seedFinishedLab(tx, ctx, actor);
	seedOpenLab(tx, ctx, actor);
}

function seedFinishedLab(tx: DB, ctx: SeedContext, actor: Staff): void {
	const rng = mulberry32(20261014);
	// The session ran 18 days before the demo's "now", from 10:00.
	const start = ctx.now.getTime() - 18 * DAY;
	const at = (minutes: number) => new Date(start + minutes * MINUTE);
	const engagementId = ctx.engagementIds[0];
	const labId = createLab(
		tx,
		actor,
		{
			engagementId,
			serviceId: 'adult-social-care',
			title: 'Designing costs out of day services',
			titleCy: 'Cynllunio costau allan o wasanaethau dydd',
			prompts: [
				'How could we design costs out of day services?',
				'What could people who use day services, carers and the community do themselves?'
			],
			promptsCy: [
				'Sut gallem ni gynllunio costau allan o wasanaethau dydd?',
				"Beth allai pobl sy'n defnyddio gwasanaethau dydd, gofalwyr a'r gymuned ei wneud eu hunain?"
			],
			kinds: ['savesMoney', 'improvesOutcomes', 'communityCanDo'],
			dotsPerParticipant: 5,
			maxDotsPerIdea: 2,
			rolesEnabled: true,
			joinCode: FINISHED_LAB_CODE
		},
		at(-30)
	);
	const members = PEOPLE.map((person, i) => {
		const browser = demoBrowser(tx, rng, at(i * 0.1));
		const joined = joinLab(
			tx,
			labId,
			browser,
			{ displayName: person.name, role: person.role },
			at(i * 0.1)
		);
		return joined.member.id;
	});

	// Ideas over 35 minutes, a few seconds apart, well inside the posting rate.
	const ideaIds = new Map<string, string>();
	IDEAS.forEach((idea, i) => {
		const posted = postIdea(
			tx,
			labId,
			{ kind: 'participant', labParticipantId: members[idea.by] },
			{
				text: idea.text,
				kind: idea.kind,
				contribution: idea.contribution ?? null,
				promptId: idea.prompt
			},
			at(5 + i * 0.8)
		);
		ideaIds.set(idea.key, String(posted));
	});
	const idea = (key: string) => ideaIds.get(key)!;

	let minute = 45;
	const apply = (request: ModerationRequest) => {
		const done = moderate(tx, actor, labId, request, at(minute));
		minute += 0.25;
		return done;
	};
	const phase = (to: Parameters<typeof changePhase>[3], minutes: number) =>
		changePhase(tx, actor, labId, to, at(minutes));

	phase('group', 44);
	apply({ type: 'hide', ideaId: idea('potholes'), reason: 'Off topic: passed to the roads team.' });
	apply({
		type: 'hide',
		ideaId: idea('personal'),
		reason: 'A personal remark about a member of staff: passed to the service manager privately.'
	});
	apply({ type: 'merge', sourceId: idea('buildings2'), targetId: idea('buildings') });
	apply({ type: 'merge', sourceId: idea('drivers2'), targetId: idea('drivers') });
	apply({ type: 'merge', sourceId: idea('leisure2'), targetId: idea('leisure') });
	const themeIds = new Map<string, string>();
	for (const theme of THEMES) {
		// The first theme was typed as "Buildings" and renamed on the wall.
		const name = theme.key === 'community' ? 'Buildings' : theme.name;
		themeIds.set(theme.key, apply({ type: 'createTheme', name }).themeId!);
	}
	const themeId = (key: string) => themeIds.get(key)!;
	apply({ type: 'renameTheme', themeId: themeId('community'), name: 'Use community buildings' });
	// A slip put on the wall and taken back: undo is part of the record.
	apply({ type: 'moveToTheme', ideaId: idea('opencafe'), themeId: themeId('community') });
	apply({ type: 'undo', eventId: null });
	for (const theme of THEMES) {
		for (const key of theme.ideas) {
			apply({ type: 'moveToTheme', ideaId: idea(key), themeId: themeId(theme.key) });
		}
	}

	phase('vote', 62);
	// Dots: everyone spends their five, leaning towards what the room kept coming back to.
	const favourites = new Map(
		SHORTLIST.map((s) => [
			s.ref.type === 'idea' ? `idea:${idea(s.ref.key)}` : `theme:${themeId(s.ref.key)}`,
			s.weight
		])
	);
	const candidates: ItemRef[] = [
		...THEMES.map((t) => ({ type: 'theme' as const, id: themeId(t.key) })),
		...IDEAS.filter(
			(i) => !['potholes', 'personal', 'buildings2', 'drivers2', 'leisure2'].includes(i.key)
		).map((i) => ({ type: 'idea' as const, id: idea(i.key) }))
	];
	const weights = candidates.map((c) => favourites.get(`${c.type}:${c.id}`) ?? 1);
	let dotMinute = 63;
	members.forEach((memberId) => {
		let placed = 0;
		for (let tries = 0; placed < 5 && tries < 50; tries++) {
			const item = weightedPick(rng, candidates, weights);
			dotMinute += 0.05;
			// A pick over the limit on one item is refused (and rolled back): pick again.
			try {
				addDot(tx, labId, memberId, item, at(dotMinute));
				placed++;
			} catch (e) {
				if (!isRefusal(e)) throw e;
			}
		}
	});

	phase('shortlist', 80);
	minute = 81;
	const shortlisted: ItemRef[] = SHORTLIST.map((s) =>
		s.ref.type === 'idea'
			? { type: 'idea', id: idea(s.ref.key) }
			: { type: 'theme', id: themeId(s.ref.key) }
	);
	for (const item of shortlisted) apply({ type: 'shortlist', item });

	const voteId = createDraftVote(tx, actor, labId, DEMO_VOTE_TITLE, at(85));
	PROPOSALS.forEach((p, i) => {
		createProposal(
			tx,
			actor,
			labId,
			{
				item: shortlisted[i],
				voteId,
				title: p.title,
				description: p.description,
				kind: p.kind,
				amountPence: p.pounds * 100,
				serviceId: 'adult-social-care'
			},
			at(86 + i)
		);
	});
	phase('closed', 95);
}

function seedOpenLab(tx: DB, ctx: SeedContext, actor: Actor): void {
	const start = ctx.now.getTime() - 20 * MINUTE;
	const at = (minutes: number) => new Date(start + minutes * MINUTE);
	const labId = createLab(
		tx,
		actor,
		{
			engagementId: ctx.engagementIds[1],
			serviceId: 'libraries',
			title: 'Libraries as community hubs: ideas',
			titleCy: 'Llyfrgelloedd fel canolfannau cymunedol: syniadau',
			prompts: [
				'What would make you use your library more?',
				'What could the community run in our libraries?'
			],
			promptsCy: [
				"Beth fyddai'n gwneud i chi ddefnyddio eich llyfrgell yn fwy?",
				"Beth allai'r gymuned ei redeg yn ein llyfrgelloedd?"
			],
			kinds: ['savesMoney', 'improvesOutcomes', 'communityCanDo'],
			dotsPerParticipant: 5,
			maxDotsPerIdea: 2,
			rolesEnabled: true,
			joinCode: OPEN_LAB_CODE
		},
		at(0)
	);
	const people: {
		who: Who;
		ideas: { text: string; kind: IdeaKind; prompt: string; contribution?: string }[];
	}[] = [
		{
			who: { name: 'Ceri', role: 'serviceUser' },
			ideas: [
				{
					text: 'Open until 8pm on Thursdays so people who work can come',
					kind: 'improvesOutcomes',
					prompt: 'p1'
				},
				{
					text: 'A repair café once a month',
					kind: 'communityCanDo',
					prompt: 'p2',
					contribution: 'I can fix bikes'
				}
			]
		},
		{
			who: { name: null, role: 'staff' },
			ideas: [
				{
					text: 'Share the Westcliff branch with the council’s advice service',
					kind: 'savesMoney',
					prompt: 'p1'
				}
			]
		},
		{
			who: { name: 'Mo', role: 'other' },
			ideas: [
				{ text: 'Homework club run by retired teachers', kind: 'communityCanDo', prompt: 'p2' }
			]
		}
	];
	const rng = mulberry32(20261101);
	let minute = 2;
	for (const person of people) {
		const browser = demoBrowser(tx, rng, at(minute));
		const joined = joinLab(
			tx,
			labId,
			browser,
			{ displayName: person.who.name, role: person.who.role },
			at(minute)
		);
		for (const i of person.ideas) {
			minute += 1;
			postIdea(
				tx,
				labId,
				{ kind: 'participant', labParticipantId: joined.member.id },
				{ text: i.text, kind: i.kind, contribution: i.contribution ?? null, promptId: i.prompt },
				at(minute)
			);
		}
	}
}
