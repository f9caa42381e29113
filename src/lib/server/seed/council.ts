/** Harbourside Borough Council: a made-up council with realistic services, wards and people. */
import type { AgeBand } from '../../catalogue/schemas';

export const COUNCIL_NAME = 'Harbourside Borough Council';
export const DEMO_PASSWORD = 'harbourside-demo';

export const STAFF = [
	{ email: 'admin@harbourside.example', name: 'Alex Admin', role: 'admin' },
	{ email: 'commissioner@harbourside.example', name: 'Chris Commissioner', role: 'commissioner' },
	{ email: 'facilitator@harbourside.example', name: 'Fran Facilitator', role: 'facilitator' },
	{ email: 'councillor@harbourside.example', name: 'Cllr Sam Rees', role: 'councillor' }
] as const;

export const SERVICES = [
	{
		id: 'adult-social-care',
		name: 'Adult day services',
		nameCy: 'Gwasanaethau dydd i oedolion',
		department: 'Adult Social Care',
		description:
			'Day centres and day opportunities for adults with learning disabilities, autism or dementia, and respite for their carers.'
	},
	{
		id: 'libraries',
		name: 'Libraries',
		nameCy: 'Llyfrgelloedd',
		department: 'Communities',
		description: 'Six branch libraries, the mobile library and the home library service.'
	},
	{
		id: 'waste',
		name: 'Waste and recycling',
		nameCy: 'Gwastraff ac ailgylchu',
		department: 'Environment',
		description: 'Household bins, recycling, garden waste and the household recycling centre.'
	},
	{
		id: 'highways',
		name: 'Roads and street lighting',
		nameCy: 'Ffyrdd a goleuadau stryd',
		department: 'Environment',
		description: 'Pothole repairs, pavements, gritting and 14,000 street lights.'
	},
	{
		id: 'parks',
		name: 'Parks and open spaces',
		nameCy: 'Parciau a mannau agored',
		department: 'Environment',
		description: 'Parks, play areas, the seafront gardens and allotments.'
	},
	{
		id: 'youth',
		name: 'Youth services',
		nameCy: 'Gwasanaethau ieuenctid',
		department: "Children's Services",
		description: 'Youth clubs, detached youth work and the young people’s advice service.'
	},
	{
		id: 'childrens-centres',
		name: "Children's centres",
		nameCy: 'Canolfannau plant',
		department: "Children's Services",
		description:
			'Support for families with children under five: play sessions, health visits, parenting courses.'
	},
	{
		id: 'leisure',
		name: 'Leisure centres and swimming',
		nameCy: 'Canolfannau hamdden a nofio',
		department: 'Communities',
		description: 'Two leisure centres, the harbour pool and free swimming for under-16s.'
	},
	{
		id: 'community-transport',
		name: 'Community transport',
		nameCy: 'Trafnidiaeth gymunedol',
		department: 'Adult Social Care',
		description:
			'Dial-a-ride, Shopmobility and the hospital link bus for people who cannot use ordinary buses.'
	},
	{
		id: 'housing-support',
		name: 'Housing advice and support',
		nameCy: 'Cyngor a chymorth tai',
		department: 'Housing',
		description: 'Homelessness prevention, tenancy support and the housing options service.'
	},
	{
		id: 'public-health',
		name: 'Public health and wellbeing',
		nameCy: 'Iechyd y cyhoedd a llesiant',
		department: 'Public Health',
		description: 'Stop-smoking support, health checks, weight management and the wellbeing hub.'
	},
	{
		id: 'community-safety',
		name: 'Community safety',
		nameCy: 'Diogelwch cymunedol',
		department: 'Communities',
		description: 'Neighbourhood wardens, CCTV and the anti-social behaviour team.'
	}
] as const;

export const AREAS: {
	id: string;
	name: string;
	nameCy: string;
	population: Record<AgeBand, number>;
}[] = [
	{
		id: 'harbour',
		name: 'Harbour',
		nameCy: 'Harbwr',
		population: {
			'16-24': 2100,
			'25-34': 2900,
			'35-49': 3100,
			'50-64': 2600,
			'65-74': 1400,
			'75+': 900
		}
	},
	{
		id: 'old-town',
		name: 'Old Town',
		nameCy: 'Yr Hen Dref',
		population: {
			'16-24': 1500,
			'25-34': 1800,
			'35-49': 2400,
			'50-64': 2700,
			'65-74': 2000,
			'75+': 1600
		}
	},
	{
		id: 'northgate',
		name: 'Northgate',
		nameCy: 'Porth y Gogledd',
		population: {
			'16-24': 2600,
			'25-34': 3200,
			'35-49': 3300,
			'50-64': 2200,
			'65-74': 1100,
			'75+': 700
		}
	},
	{
		id: 'westcliff',
		name: 'Westcliff',
		nameCy: 'Clogwyn y Gorllewin',
		population: {
			'16-24': 1200,
			'25-34': 1500,
			'35-49': 2600,
			'50-64': 3000,
			'65-74': 2400,
			'75+': 1900
		}
	},
	{
		id: 'millbrook',
		name: 'Millbrook',
		nameCy: 'Nant y Felin',
		population: {
			'16-24': 2300,
			'25-34': 2700,
			'35-49': 3000,
			'50-64': 2300,
			'65-74': 1300,
			'75+': 800
		}
	},
	{
		id: 'eastfield',
		name: 'Eastfield',
		nameCy: 'Maes y Dwyrain',
		population: {
			'16-24': 1900,
			'25-34': 2400,
			'35-49': 2900,
			'50-64': 2500,
			'65-74': 1500,
			'75+': 1000
		}
	}
];

export const SEGMENTS = [
	{
		id: 'disabled',
		label: 'Disabled residents',
		labelCy: 'Preswylwyr anabl',
		specialCategory: true
	},
	{ id: 'carers', label: 'Unpaid carers', labelCy: 'Gofalwyr di-dâl', specialCategory: false },
	{
		id: 'parents',
		label: 'Parents of children under 18',
		labelCy: 'Rhieni plant dan 18',
		specialCategory: false
	},
	{
		id: 'long-term-health',
		label: 'People with a long-term health condition',
		labelCy: 'Pobl â chyflwr iechyd hirdymor',
		specialCategory: true
	},
	{
		id: 'minority-ethnic',
		label: 'People from a minority ethnic background',
		labelCy: 'Pobl o gefndir ethnig lleiafrifol',
		specialCategory: true
	},
	{
		id: 'young',
		label: 'Young people (16 to 24)',
		labelCy: 'Pobl ifanc (16 i 24)',
		specialCategory: false
	},
	{
		id: 'older',
		label: 'Older people (65 and over)',
		labelCy: 'Pobl hŷn (65 a hŷn)',
		specialCategory: false
	}
] as const;

/** Where the demo council's paper ballots and surveys go back to. */
const PAPER_RETURN =
	'Post it back free, no stamp needed, to: Freepost HARBOURSIDE HAVE YOUR SAY. Or hand it in at any Harbourside library or at the Civic Centre.';
const PAPER_RETURN_CY =
	"Anfonwch hi yn ôl am ddim, does dim angen stamp, i: Freepost HARBOURSIDE HAVE YOUR SAY. Neu ewch â hi i unrhyw un o lyfrgelloedd Harbourside neu i'r Ganolfan Ddinesig.";

export const ENGAGEMENTS = [
	{
		title: 'Day services for adults: redesign for 2027',
		titleCy: 'Gwasanaethau dydd i oedolion: ailgynllunio ar gyfer 2027',
		serviceId: 'adult-social-care',
		stage: 'decide',
		summary:
			'The day services budget must save £500,000 by April 2027. We are asking residents, people who use day services, their carers and staff which savings to make, which to rule out and what the community could do.',
		summaryCy:
			"Rhaid i'r gyllideb gwasanaethau dydd arbed £500,000 erbyn Ebrill 2027. Rydym yn gofyn i drigolion, pobl sy'n defnyddio gwasanaethau dydd, eu gofalwyr a staff pa arbedion i'w gwneud, pa rai i'w gwrthod a beth allai'r gymuned ei wneud.",
		paperReturn: PAPER_RETURN,
		paperReturnCy: PAPER_RETURN_CY
	},
	{
		title: 'Libraries as community hubs',
		titleCy: 'Llyfrgelloedd fel canolfannau cymunedol',
		serviceId: 'libraries',
		stage: 'understand',
		summary:
			'How should our six libraries change so they are used by more people, cost less to run and host more community activity?',
		summaryCy:
			"Sut dylai ein chwe llyfrgell newid fel bod mwy o bobl yn eu defnyddio, eu bod yn costio llai i'w rhedeg a bod mwy o weithgarwch cymunedol ynddynt?",
		paperReturn: PAPER_RETURN,
		paperReturnCy: PAPER_RETURN_CY
	}
] as const;
