/**
 * The respondent's profile (area, age band, segments) read out of their answers, so that it
 * can be stored apart from the survey answers and from identity.
 */
import {
	AGE_BAND_QUESTION_ID,
	AREA_QUESTION_ID,
	segmentQuestionId,
	type AnswerValue,
	type Answers,
	type SurveyDefinition
} from './template';

/** What the analysis needs from one response: survey answers apart from the profile. */
export interface ResponseProfile {
	/** Survey answers (standard block and custom questions), without profile answers. */
	answers: Record<string, AnswerValue>;
	area?: string;
	ageBand?: string;
	/** Segment ids: `<id>` for a yes / no segment answered yes, `<id>:<valueId>` otherwise. */
	segments: string[];
}

function chosen(
	answers: Answers,
	id: string,
	allowed: readonly { id: string }[]
): string | undefined {
	const value = answers[id];
	return typeof value === 'string' && allowed.some((c) => c.id === value) ? value : undefined;
}

/**
 * Splits a finished response into survey answers and profile, so that the profile
 * (special-category data in particular) can be stored apart from the answers and from
 * identity. "Prefer not to say" and unknown codes become no answer.
 */
export function responseFromAnswers(
	answers: Answers,
	definition: SurveyDefinition
): ResponseProfile {
	const surveyAnswers: Record<string, AnswerValue> = {};
	for (const [id, value] of Object.entries(answers)) {
		if (value !== undefined && !id.startsWith('profile:')) surveyAnswers[id] = value;
	}
	const segments: string[] = [];
	for (const s of definition.segments) {
		const value = answers[segmentQuestionId(s.id)];
		if (typeof value !== 'string') continue;
		if (s.values) {
			if (s.values.some((v) => v.id === value)) segments.push(`${s.id}:${value}`);
		} else if (value === 'yes') {
			segments.push(s.id);
		}
	}
	const area = chosen(answers, AREA_QUESTION_ID, definition.areas);
	const ageBand = chosen(answers, AGE_BAND_QUESTION_ID, definition.ageBands);
	return {
		answers: surveyAnswers,
		...(area !== undefined ? { area } : {}),
		...(ageBand !== undefined ? { ageBand } : {}),
		segments
	};
}

/** The segment ids a response can carry under this definition, in the council's order, for the analysis tables. */
export function segmentIds(definition: SurveyDefinition): string[] {
	return definition.segments.flatMap((s) =>
		s.values ? s.values.map((v) => `${s.id}:${v.id}`) : [s.id]
	);
}
