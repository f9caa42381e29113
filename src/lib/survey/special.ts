/**
 * A finished response split for storage: survey answers, the ordinary profile, and the
 * special-category answers (UK GDPR art. 9), which are stored apart and exported only on an
 * explicit choice.
 */
import { responseFromAnswers } from './profile';
import {
	segmentQuestionId,
	type AnswerValue,
	type Answers,
	type SurveyDefinition
} from './template';

export interface StoredResponse {
	/** Standard block and custom question answers. */
	answers: Record<string, AnswerValue>;
	/** Area, age band and non-special segment answers as given ("prefer not to say" included). */
	profile: Record<string, AnswerValue>;
	area: string | null;
	ageBand: string | null;
	/** Non-special segments the respondent is in. */
	segments: string[];
	/** Special-category answers as given; empty when none were answered. */
	special: Record<string, AnswerValue>;
	/** Special-category segments the respondent is in. */
	specialSegments: string[];
}

/** Whether a segment id (`<id>` or `<id>:<value>`) belongs to a special-category segment. */
export function isSpecialSegment(definition: SurveyDefinition, segmentId: string): boolean {
	const base = segmentId.split(':')[0];
	return definition.segments.some((s) => s.id === base && s.specialCategory);
}

export function splitForStorage(answers: Answers, definition: SurveyDefinition): StoredResponse {
	const read = responseFromAnswers(answers, definition);
	const specialQuestions = new Set(
		definition.segments.filter((s) => s.specialCategory).map((s) => segmentQuestionId(s.id))
	);
	const profile: Record<string, AnswerValue> = {};
	const special: Record<string, AnswerValue> = {};
	for (const [id, value] of Object.entries(answers)) {
		if (value === undefined || !id.startsWith('profile:')) continue;
		(specialQuestions.has(id) ? special : profile)[id] = value;
	}
	return {
		answers: read.answers,
		profile,
		area: read.area ?? null,
		ageBand: read.ageBand ?? null,
		segments: read.segments.filter((s) => !isSpecialSegment(definition, s)),
		special,
		specialSegments: read.segments.filter((s) => isSpecialSegment(definition, s))
	};
}
