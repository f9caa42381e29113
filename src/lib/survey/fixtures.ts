/**
 * A six-response survey whose figures are worked out by hand below, for the analysis tests.
 * Three services (parks, libraries, roads); segments carer and disabled; areas north and
 * south; age bands young and old.
 *
 *        area   age    segments          parks               libraries           roads
 *                                        imp sat con   wil   imp sat con  wil    imp sat con   wil
 *   R1   north  young  carer             5   2   vol   aLot  3   4   none no     4   1   none  aLittle
 *   R2   north  old    carer, disabled   4   3   inf+org aLittle 2 5 none no     5   2   inf   aLot
 *   R3   south  young  -                 4   DU  none  no    DK  4   vol  aLittle 5  1   none  aLittle
 *   R4   south  old    disabled          3   2   -     no    3   3   none -      4   2   none  no
 *   R5   north  -      -                 5   3   vol   aLot  1   DU  none no     -   2   other aLittle
 *   R6   -      old    carer             DK  4   none  aLittle 1 4   none no     3   DU  none  no
 *
 * (DK = don't know, DU = don't use / don't know, - = skipped.)
 *
 * Hand computation, per service (sample variance s^2 = sum of squared deviations / (n - 1);
 * interval = mean +/- t(0.975, 4) * sqrt(s^2 / 5) with t(0.975, 4) = 2.7764):
 * - parks importance 5,4,4,3,5: n 5, mean 21/5 = 4.2; deviations .8,-.2,-.2,-1.2,.8, squares
 *   sum 2.8, s^2 0.7, half-width 2.7764 * sqrt(0.14) = 1.03883 -> [3.16117, 5.23883];
 *   don't know 1 of 6 answers.
 * - parks satisfaction 2,3,2,3,4: mean 14/5 = 2.8, squares sum 2.8, same half-width ->
 *   [1.76117, 3.83883]; don't use 1 of 6.
 * - libraries importance 3,2,3,1,1: mean 2.0; deviations 1,0,1,-1,-1, squares 4, s^2 1,
 *   half 2.7764 * sqrt(0.2) = 1.24164 -> [0.75836, 3.24164]; don't know 1 of 6.
 * - libraries satisfaction 4,5,4,3,4: mean 4.0; squares 2, s^2 0.5, half 2.7764 * sqrt(0.1)
 *   = 0.87797 -> [3.12203, 4.87797]; don't use 1 of 6.
 * - roads importance 4,5,5,4,3 (R5 skipped): mean 4.2, squares 2.8 -> [3.16117, 5.23883];
 *   don't know 0 of 5.
 * - roads satisfaction 1,2,1,2,2: mean 1.6; deviations -.6,.4,-.6,.4,.4, squares 1.2,
 *   s^2 0.3, half 2.7764 * sqrt(0.06) = 0.68008 -> [0.91992, 2.28008]; don't use 1 of 6.
 *
 * Contribution (share of answers other than "none"): parks 3 of 5 (R4 skipped) = 0.6, with
 * none 2/5, informal 1/5, volunteer 2/5, organise 1/5, other 0; libraries 1 of 6; roads 2 of 6.
 * Willingness (a little or a lot): parks 4 of 6 (a lot 2 of 6); libraries 1 of 5 (R4
 * skipped, a lot 0); roads 4 of 6 (a lot 1 of 6).
 *
 * Priority map: split means importance (4.2 + 2.0 + 4.2) / 3 = 3.4667, satisfaction
 * (2.8 + 4.0 + 1.6) / 3 = 2.8. Parks sits exactly on the satisfaction mean: a tie counts as
 * high, so parks is keep (not fix first). Libraries (2.0, 4.0) rethink; roads (4.2, 1.6)
 * fix first.
 *
 * Segments: carer = R1, R2, R6; disabled = R2, R4. Areas: north = R1, R2, R5; south = R3, R4.
 *   contributing / willing, as hits of answers:
 *                 parks          libraries      roads
 *   carer         2/3  3/3       0/3  0/3       1/3  2/3
 *   disabled      1/1  1/2       0/2  0/1       1/2  1/2
 *   north         3/3  3/3       0/3  0/3       2/3  3/3
 *   south         0/1  0/2       1/2  1/1       0/2  1/2
 *
 * Representativeness: areas north 3, south 2, not stated 1 (shares of the 5 stated .6 and
 * .4); age bands young 2, old 3, not stated 1 (.4, .6).
 */
import type { SurveyResponse } from './accumulate';
import {
	serviceQuestionId,
	type CustomQuestion,
	type LocalisedText,
	type ServiceField,
	type SurveyDefinition
} from './template';

export const FIXTURE_SERVICES = ['parks', 'libraries', 'roads'];
export const FIXTURE_SEGMENTS = ['carer', 'disabled'];
export const FIXTURE_AREAS = ['north', 'south'];
export const FIXTURE_AGE_BANDS = ['young', 'old'];

type Block = {
	importance?: string;
	satisfaction?: string;
	contribution?: string[];
	willingness?: string;
};

function response(
	profile: { area?: string; ageBand?: string; segments: string[] },
	blocks: Record<string, Block>
): SurveyResponse {
	const answers: Record<string, string | string[]> = {};
	for (const [serviceId, block] of Object.entries(blocks)) {
		for (const [field, value] of Object.entries(block)) {
			if (value !== undefined) answers[serviceQuestionId(serviceId, field as ServiceField)] = value;
		}
	}
	return { ...profile, answers };
}

export const SMALL_SURVEY: SurveyResponse[] = [
	response(
		{ area: 'north', ageBand: 'young', segments: ['carer'] },
		{
			parks: {
				importance: '5',
				satisfaction: '2',
				contribution: ['volunteer'],
				willingness: 'aLot'
			},
			libraries: { importance: '3', satisfaction: '4', contribution: ['none'], willingness: 'no' },
			roads: { importance: '4', satisfaction: '1', contribution: ['none'], willingness: 'aLittle' }
		}
	),
	response(
		{ area: 'north', ageBand: 'old', segments: ['carer', 'disabled'] },
		{
			parks: {
				importance: '4',
				satisfaction: '3',
				contribution: ['informal', 'organise'],
				willingness: 'aLittle'
			},
			libraries: { importance: '2', satisfaction: '5', contribution: ['none'], willingness: 'no' },
			roads: { importance: '5', satisfaction: '2', contribution: ['informal'], willingness: 'aLot' }
		}
	),
	response(
		{ area: 'south', ageBand: 'young', segments: [] },
		{
			parks: {
				importance: '4',
				satisfaction: 'dontUse',
				contribution: ['none'],
				willingness: 'no'
			},
			libraries: {
				importance: 'dontKnow',
				satisfaction: '4',
				contribution: ['volunteer'],
				willingness: 'aLittle'
			},
			roads: { importance: '5', satisfaction: '1', contribution: ['none'], willingness: 'aLittle' }
		}
	),
	response(
		{ area: 'south', ageBand: 'old', segments: ['disabled'] },
		{
			parks: { importance: '3', satisfaction: '2', willingness: 'no' },
			libraries: { importance: '3', satisfaction: '3', contribution: ['none'] },
			roads: { importance: '4', satisfaction: '2', contribution: ['none'], willingness: 'no' }
		}
	),
	response(
		{ area: 'north', segments: [] },
		{
			parks: {
				importance: '5',
				satisfaction: '3',
				contribution: ['volunteer'],
				willingness: 'aLot'
			},
			libraries: {
				importance: '1',
				satisfaction: 'dontUse',
				contribution: ['none'],
				willingness: 'no'
			},
			roads: { satisfaction: '2', contribution: ['other'], willingness: 'aLittle' }
		}
	),
	response(
		{ ageBand: 'old', segments: ['carer'] },
		{
			parks: {
				importance: 'dontKnow',
				satisfaction: '4',
				contribution: ['none'],
				willingness: 'aLittle'
			},
			libraries: { importance: '1', satisfaction: '4', contribution: ['none'], willingness: 'no' },
			roads: { importance: '3', satisfaction: 'dontUse', contribution: ['none'], willingness: 'no' }
		}
	)
];

/** The responses `times` over: every share and mean stays, every n is multiplied. */
export function repeated(responses: readonly SurveyResponse[], times: number): SurveyResponse[] {
	const out: SurveyResponse[] = [];
	for (let i = 0; i < times; i++) out.push(...responses);
	return out;
}

/** Council text with no Welsh yet. */
export const localised = (en: string): LocalisedText => ({ en, cy: '' });

/** A custom single-choice question. */
export function customSingle(
	id: string,
	codes: string[],
	extra: Partial<CustomQuestion> = {}
): CustomQuestion {
	return {
		id,
		type: 'single',
		wording: localised(id),
		required: false,
		options: codes.map((code) => ({ code, label: localised(code) })),
		...extra
	} as CustomQuestion;
}

/** A custom short-text question. */
export function customShortText(id: string, extra: Partial<CustomQuestion> = {}): CustomQuestion {
	return {
		id,
		type: 'shortText',
		wording: localised(id),
		required: false,
		...extra
	} as CustomQuestion;
}

/**
 * A survey definition exercising every page rule: two services; custom questions heard ->
 * how (multiple choice, shown if heard = yes) -> paperName (shown if how includes paper),
 * then a 0-10 scale on a new page; two areas, one age band; a yes / no segment, a special
 * yes / no segment and a special valued segment.
 */
export const SAMPLE_DEFINITION: SurveyDefinition = {
	serviceIds: ['parks', 'roads'],
	customQuestions: [
		customSingle('heard', ['yes', 'no']),
		{
			id: 'how',
			type: 'multiple',
			wording: localised('How did you hear?'),
			required: false,
			options: [
				{ code: 'web', label: localised('Website') },
				{ code: 'paper', label: localised('Newspaper') }
			],
			showIf: { questionId: 'custom:heard', value: 'yes' }
		},
		customShortText('paperName', { showIf: { questionId: 'custom:how', value: 'paper' } }),
		{
			id: 'rate',
			type: 'scale',
			wording: localised('Rate'),
			required: true,
			min: 0,
			max: 10,
			newPage: true
		}
	],
	areas: [
		{ id: 'north', label: localised('North') },
		{ id: 'south', label: localised('South') }
	],
	ageBands: [{ id: '16-24', label: localised('16 to 24') }],
	segments: [
		{ id: 'carer', label: localised('Are you a carer?'), specialCategory: false },
		{ id: 'disabled', label: localised('Are you disabled?'), specialCategory: true },
		{
			id: 'ethnicity',
			label: localised('Ethnic group'),
			specialCategory: true,
			values: [
				{ id: 'white', label: localised('White') },
				{ id: 'asian', label: localised('Asian') }
			]
		}
	]
};
