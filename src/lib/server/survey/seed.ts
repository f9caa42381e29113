/**
 * The Harbourside demo: a closed, published survey on adult day services with several
 * hundred responses (engagement 1), and an open survey on libraries (engagement 2) that
 * anyone can try. Deterministic: a seeded PRNG and the seed's clock.
 *
 * The responses are drawn so that the maps say something: adult day services and community
 * transport are "fix first" (they matter, people are not satisfied), unpaid carers and
 * people in Old Town are keenest to help with day services, and parks and libraries are
 * where people already volunteer most.
 */
import { mulberry32, weightedPick } from '../../random/prng';
import { dayOf } from '../../survey/dates';
import { splitForStorage } from '../../survey/special';
import {
	AGE_BAND_QUESTION_ID,
	AREA_QUESTION_ID,
	PREFER_NOT_TO_SAY,
	segmentQuestionId,
	serviceQuestionId,
	type AnswerValue,
	type CustomQuestion,
	type SurveyDefinition
} from '../../survey/template';
import type { DB } from '../db/open';
import { survey, surveyResponse, surveyResponseSpecial } from '../db/schema';
import { AREAS } from '../seed/council';
import type { SeedContext } from '../seed/types';
import { profileFromCatalogue } from './surveys';

const DAY = 86_400_000;
export const DEMO_RESPONSES = 420;

/** How residents at large feel about each service, before who they are moves it. */
interface Attitude {
	importance: number;
	satisfaction: number;
	/** Share who don't use it / don't know (satisfaction). */
	dontUse: number;
	contribute: number;
	willing: number;
	/** Of the willing, the share who would do a lot. */
	aLot: number;
}

const ATTITUDES: Record<string, Attitude> = {
	'adult-social-care': {
		importance: 4.1,
		satisfaction: 2.3,
		dontUse: 0.35,
		contribute: 0.14,
		willing: 0.3,
		aLot: 0.3
	},
	'community-transport': {
		importance: 3.8,
		satisfaction: 2.7,
		dontUse: 0.4,
		contribute: 0.08,
		willing: 0.24,
		aLot: 0.25
	},
	libraries: {
		importance: 3.4,
		satisfaction: 3.9,
		dontUse: 0.3,
		contribute: 0.16,
		willing: 0.28,
		aLot: 0.2
	},
	parks: {
		importance: 4.1,
		satisfaction: 3.8,
		dontUse: 0.08,
		contribute: 0.27,
		willing: 0.36,
		aLot: 0.25
	},
	leisure: {
		importance: 3.3,
		satisfaction: 3.4,
		dontUse: 0.35,
		contribute: 0.07,
		willing: 0.17,
		aLot: 0.2
	},
	'public-health': {
		importance: 3.6,
		satisfaction: 3.1,
		dontUse: 0.45,
		contribute: 0.05,
		willing: 0.15,
		aLot: 0.15
	},
	youth: {
		importance: 3.5,
		satisfaction: 2.6,
		dontUse: 0.6,
		contribute: 0.08,
		willing: 0.2,
		aLot: 0.25
	},
	waste: {
		importance: 4.5,
		satisfaction: 3.7,
		dontUse: 0.02,
		contribute: 0.2,
		willing: 0.22,
		aLot: 0.1
	}
};
const DAY_SERVICES_SURVEY = Object.keys(ATTITUDES);

type Shift = Partial<Record<keyof Attitude, number>>;
/** How being in a group moves someone's view of a service. */
const SHIFTS: Record<string, Record<string, Shift>> = {
	carers: {
		'adult-social-care': {
			importance: 0.7,
			satisfaction: -0.3,
			contribute: 0.4,
			willing: 0.42,
			aLot: 0.2
		},
		'community-transport': { importance: 0.4, willing: 0.1 }
	},
	disabled: {
		'adult-social-care': { importance: 0.4 },
		'community-transport': { importance: 0.6, satisfaction: -0.3, willing: 0.05 },
		'public-health': { importance: 0.4 }
	},
	'long-term-health': {
		'community-transport': { importance: 0.3 },
		'public-health': { importance: 0.6, satisfaction: -0.2 }
	},
	parents: {
		youth: { importance: 0.7, willing: 0.2 },
		leisure: { importance: 0.4, willing: 0.08 },
		libraries: { importance: 0.3 }
	},
	young: { youth: { importance: 0.6, willing: 0.15 }, libraries: { satisfaction: -0.2 } },
	older: {
		'adult-social-care': { importance: 0.3 },
		'community-transport': { importance: 0.5 },
		libraries: { importance: 0.3, willing: 0.1 }
	},
	'area:old-town': {
		'adult-social-care': { willing: 0.18, contribute: 0.08 },
		parks: { contribute: 0.1 }
	},
	'area:northgate': { youth: { importance: 0.3, satisfaction: -0.3 } },
	'area:westcliff': { parks: { contribute: 0.12, willing: 0.05 } }
};

const CONTRIBUTION_TEXT: Record<string, string[]> = {
	'adult-social-care': [
		'I look after my mum three days a week',
		'Visit a neighbour with dementia most days',
		'Volunteer at the Harbour day centre on Fridays',
		'Run a memory café at our church hall',
		'Rwy’n gofalu am fy nhad'
	],
	parks: [
		'Friends of Westcliff Park litter picks',
		'Help at the community garden',
		'Look after the allotment shop'
	],
	libraries: [
		'Read with children at the Saturday club',
		'Help with the IT drop-in',
		'Deliver books for the home library service'
	]
};
const WILLINGNESS_TEXT: Record<string, string[]> = {
	'adult-social-care': [
		'Help run a lunch club',
		'Drive people to the day centre once a week',
		'Join a carers’ group that plans activities',
		'Share skills like gardening or music',
		'Helpu gyda chlwb cinio'
	],
	'community-transport': ['Be a volunteer driver', 'Help plan routes'],
	parks: ['Join a friends group', 'Help with tree planting'],
	youth: ['Coach a sports team', 'Mentor a young person'],
	libraries: ['Help with a homework club', 'Run a craft group']
};

const IMPROVE_OPTIONS = [
	{ code: 'o1', label: { en: 'Longer opening hours', cy: 'Oriau agor hirach' } },
	{
		code: 'o2',
		label: { en: 'Transport to and from the centre', cy: 'Trafnidiaeth i’r ganolfan ac oddi yno' }
	},
	{
		code: 'o3',
		label: {
			en: 'More activities out in the community',
			cy: 'Mwy o weithgareddau allan yn y gymuned'
		}
	},
	{ code: 'o4', label: { en: 'More support for carers', cy: 'Mwy o gymorth i ofalwyr' } }
];

const DAY_SERVICES_QUESTIONS: CustomQuestion[] = [
	{
		id: 'q1',
		type: 'single',
		wording: {
			en: 'Have you, or someone you care for, used a day centre in the last two years?',
			cy: 'Ydych chi, neu rywun rydych chi’n gofalu amdano, wedi defnyddio canolfan ddydd yn ystod y ddwy flynedd diwethaf?'
		},
		required: false,
		options: [
			{ code: 'o1', label: { en: 'Yes', cy: 'Ydw' } },
			{ code: 'o2', label: { en: 'No', cy: 'Nac ydw' } }
		]
	},
	{
		id: 'q2',
		type: 'single',
		wording: {
			en: 'What would most improve day services?',
			cy: 'Beth fyddai’n gwella gwasanaethau dydd fwyaf?'
		},
		required: false,
		showIf: { questionId: 'custom:q1', value: 'o1' },
		options: IMPROVE_OPTIONS
	},
	{
		id: 'q3',
		type: 'longText',
		wording: {
			en: 'Is there anything else you want to tell us about day services?',
			cy: 'Oes unrhyw beth arall yr hoffech ei ddweud wrthym am wasanaethau dydd?'
		},
		required: false
	}
];

const LIBRARY_QUESTIONS: CustomQuestion[] = [
	{
		id: 'q1',
		type: 'single',
		wording: {
			en: 'Have you used a Harbourside library in the last year?',
			cy: 'Ydych chi wedi defnyddio un o lyfrgelloedd Harbourside yn ystod y flwyddyn ddiwethaf?'
		},
		required: true,
		options: [
			{ code: 'o1', label: { en: 'Yes', cy: 'Ydw' } },
			{ code: 'o2', label: { en: 'No', cy: 'Nac ydw' } }
		]
	},
	{
		id: 'q2',
		type: 'single',
		wording: {
			en: 'Which library do you use most?',
			cy: 'Pa lyfrgell ydych chi’n ei defnyddio fwyaf?'
		},
		required: false,
		showIf: { questionId: 'custom:q1', value: 'o1' },
		options: [
			...AREAS.map((a, i) => ({ code: `o${i + 1}`, label: { en: a.name, cy: a.nameCy } })),
			{
				code: `o${AREAS.length + 1}`,
				label: { en: 'The mobile library', cy: 'Y llyfrgell deithiol' }
			}
		]
	},
	{
		id: 'q3',
		type: 'longText',
		wording: {
			en: 'What would make you use a library more?',
			cy: 'Beth fyddai’n gwneud i chi ddefnyddio llyfrgell yn amlach?'
		},
		hint: {
			en: 'For example: opening hours, events, space to work or meet.',
			cy: 'Er enghraifft: oriau agor, digwyddiadau, lle i weithio neu gyfarfod.'
		},
		required: false
	}
];

function pick<T>(rng: () => number, items: readonly T[]): T {
	return items[Math.floor(rng() * items.length)];
}

/** A 1-5 score around `mean`: three uniforms make a gentle hump. */
function score(rng: () => number, mean: number): string {
	const x = Math.round(mean + (rng() + rng() + rng() - 1.5) * 1.6);
	return String(Math.min(5, Math.max(1, x)));
}

interface Person {
	area: string | null;
	ageBand: string | null;
	groups: Set<string>;
	/** Segment answers: segment id -> yes / no / prefer not. */
	segmentAnswers: Record<string, string>;
}

const AGE_WEIGHT: Record<string, number> = {
	'16-24': 0.5,
	'25-34': 0.8,
	'35-49': 1,
	'50-64': 1.2,
	'65-74': 1.4,
	'75+': 0.9
};

function person(rng: () => number): Person {
	const home = weightedPick(
		rng,
		AREAS,
		AREAS.map((a) => Object.values(a.population).reduce((s, n) => s + n, 0))
	);
	const bands = Object.keys(home.population);
	const band = weightedPick(
		rng,
		bands,
		bands.map((b) => home.population[b as keyof typeof home.population] * (AGE_WEIGHT[b] ?? 1))
	);
	const area = rng() < 0.03 ? null : home.id;
	const ageBand = rng() < 0.04 ? null : band;
	const older = band === '65-74' || band === '75+';
	const midlife = band === '50-64' || band === '65-74';
	const chance: Record<string, number> = {
		carers: midlife ? 0.22 : 0.11,
		parents: band === '25-34' || band === '35-49' ? 0.5 : band === '50-64' ? 0.15 : 0.04,
		young: band === '16-24' ? 1 : 0,
		older: older ? 1 : 0,
		disabled: older ? 0.2 : 0.09,
		'long-term-health': older ? 0.33 : 0.16,
		'minority-ethnic': home.id === 'northgate' ? 0.25 : 0.07
	};
	const special = new Set(['disabled', 'long-term-health', 'minority-ethnic']);
	const skipsSpecial = rng() < 0.1;
	const groups = new Set<string>();
	const segmentAnswers: Record<string, string> = {};
	for (const [id, p] of Object.entries(chance)) {
		const member = rng() < p;
		if (member) groups.add(id);
		if (special.has(id) && skipsSpecial) continue;
		if (rng() < (special.has(id) ? 0.07 : 0.03)) segmentAnswers[id] = PREFER_NOT_TO_SAY;
		else segmentAnswers[id] = member ? 'yes' : 'no';
	}
	groups.add(`area:${home.id}`);
	return { area, ageBand, groups, segmentAnswers };
}

function attitude(serviceId: string, who: Person): Attitude {
	const a = { ...ATTITUDES[serviceId] };
	for (const group of who.groups) {
		const shift = SHIFTS[group]?.[serviceId];
		if (!shift) continue;
		for (const [k, v] of Object.entries(shift) as [keyof Attitude, number][]) a[k] += v;
	}
	return a;
}

function answersFor(rng: () => number, who: Person): Record<string, AnswerValue> {
	const answers: Record<string, AnswerValue> = {};
	for (const serviceId of DAY_SERVICES_SURVEY) {
		const a = attitude(serviceId, who);
		const id = (field: Parameters<typeof serviceQuestionId>[1]) =>
			serviceQuestionId(serviceId, field);
		if (rng() > 0.03)
			answers[id('importance')] = rng() < 0.04 ? 'dontKnow' : score(rng, a.importance);
		if (rng() > 0.03)
			answers[id('satisfaction')] = rng() < a.dontUse ? 'dontUse' : score(rng, a.satisfaction);
		if (rng() > 0.05) {
			if (rng() < a.contribute) {
				const kinds = ['informal', 'volunteer', 'organise', 'other'];
				const first = weightedPick(rng, kinds, [45, 35, 12, 8]);
				const second = rng() < 0.15 ? weightedPick(rng, kinds, [45, 35, 12, 8]) : first;
				answers[id('contribution')] = first === second ? [first] : [first, second];
				const texts = CONTRIBUTION_TEXT[serviceId];
				if (texts && rng() < 0.2) answers[id('contributionText')] = pick(rng, texts);
			} else {
				answers[id('contribution')] = ['none'];
			}
		}
		if (rng() > 0.04) {
			const willing = rng() < a.willing;
			answers[id('willingness')] = !willing ? 'no' : rng() < a.aLot ? 'aLot' : 'aLittle';
			const texts = WILLINGNESS_TEXT[serviceId];
			if (willing && texts && rng() < 0.25) answers[id('willingnessText')] = pick(rng, texts);
		}
	}
	const usedCentre = rng() < (who.groups.has('carers') || who.groups.has('disabled') ? 0.6 : 0.12);
	if (rng() > 0.05) answers['custom:q1'] = usedCentre ? 'o1' : 'o2';
	if (answers['custom:q1'] === 'o1' && rng() > 0.1) {
		answers['custom:q2'] = weightedPick(
			rng,
			['o1', 'o2', 'o3', 'o4'],
			who.groups.has('carers') ? [2, 3, 2, 5] : [3, 4, 3, 1]
		);
	}
	if (rng() < 0.08) {
		answers['custom:q3'] = pick(rng, [
			'Please keep the Harbour centre open. My brother has gone there for twelve years.',
			'The minibus is often late, so people miss the morning activities.',
			'Carers need a break too. A Saturday session would make a huge difference.',
			'More things in ordinary places, like the library or the leisure centre, would help people feel part of the town.',
			'Mae angen mwy o staff sy’n siarad Cymraeg.'
		]);
	}
	answers[AREA_QUESTION_ID] = who.area ?? PREFER_NOT_TO_SAY;
	answers[AGE_BAND_QUESTION_ID] = who.ageBand ?? PREFER_NOT_TO_SAY;
	for (const [segmentId, value] of Object.entries(who.segmentAnswers)) {
		answers[segmentQuestionId(segmentId)] = value;
	}
	return answers;
}

/** Adds the two demo surveys (see the module comment). */
export function seedDemoSurveys(tx: DB, ctx: SeedContext): void {
	const [dayServices, libraries] = ctx.engagementIds;
	const now = ctx.now.getTime();
	const profile = profileFromCatalogue(tx);

	if (dayServices !== undefined) {
		const definition: SurveyDefinition = {
			serviceIds: DAY_SERVICES_SURVEY,
			customQuestions: DAY_SERVICES_QUESTIONS,
			...profile
		};
		const opensAt = new Date(now - 70 * DAY);
		const closesAt = new Date(now - 21 * DAY);
		const surveyId = tx
			.insert(survey)
			.values({
				engagementId: dayServices,
				title: 'Day services and the community: what matters to you',
				titleCy: 'Gwasanaethau dydd a’r gymuned: beth sy’n bwysig i chi',
				description:
					'We are redesigning day services for adults. Tell us which services matter to you, how satisfied you are, and what you and your neighbours already do or would do.',
				descriptionCy:
					'Rydym yn ailgynllunio gwasanaethau dydd i oedolion. Dywedwch wrthym pa wasanaethau sy’n bwysig i chi, pa mor fodlon ydych chi, a beth rydych chi a’ch cymdogion eisoes yn ei wneud neu y byddech yn ei wneud.',
				definition: JSON.stringify(definition),
				nextQuestion: DAY_SERVICES_QUESTIONS.length + 1,
				access: 'both',
				status: 'closed',
				opensAt,
				closesAt,
				publishedAt: new Date(now - 14 * DAY),
				publishedWeighting: 'none',
				createdBy: ctx.staffIds.commissioner,
				createdAt: new Date(now - 80 * DAY),
				updatedAt: new Date(now - 14 * DAY)
			})
			.returning({ id: survey.id })
			.get().id;
		const rng = mulberry32(20261101);
		for (let i = 0; i < DEMO_RESPONSES; i++) {
			const stored = splitForStorage(answersFor(rng, person(rng)), definition);
			const submitted = new Date(
				opensAt.getTime() + rng() * (closesAt.getTime() - opensAt.getTime())
			);
			const responseId = tx
				.insert(surveyResponse)
				.values({
					surveyId,
					answers: JSON.stringify(stored.answers),
					profile: JSON.stringify(stored.profile),
					area: stored.area,
					ageBand: stored.ageBand,
					segments: JSON.stringify(stored.segments),
					viaCode: rng() < 0.35,
					submittedOn: dayOf(submitted)
				})
				.returning({ id: surveyResponse.id })
				.get().id;
			if (Object.keys(stored.special).length > 0) {
				tx.insert(surveyResponseSpecial)
					.values({
						responseId,
						answers: JSON.stringify(stored.special),
						segments: JSON.stringify(stored.specialSegments)
					})
					.run();
			}
		}
	}

	if (libraries !== undefined) {
		const definition: SurveyDefinition = {
			serviceIds: ['libraries', 'leisure', 'parks', 'youth'],
			customQuestions: LIBRARY_QUESTIONS,
			...profile
		};
		tx.insert(survey)
			.values({
				engagementId: libraries,
				title: 'Libraries as community hubs: have your say',
				titleCy: 'Llyfrgelloedd fel canolfannau cymunedol: dweud eich dweud',
				description:
					'Our six libraries could host more community activity. Tell us what matters to you and what you might help with.',
				descriptionCy:
					'Gallai ein chwe llyfrgell gynnal mwy o weithgarwch cymunedol. Dywedwch wrthym beth sy’n bwysig i chi a beth y gallech chi helpu ag ef.',
				definition: JSON.stringify(definition),
				nextQuestion: LIBRARY_QUESTIONS.length + 1,
				// Open to anyone (and to the letters' codes), for three months from the seed, so a
				// newcomer can try it and the home page shows when it closes.
				access: 'both',
				status: 'open',
				closesAt: new Date(now + 90 * DAY),
				createdBy: ctx.staffIds.commissioner,
				createdAt: ctx.now,
				updatedAt: ctx.now
			})
			.run();
	}
}
