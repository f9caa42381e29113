/**
 * Submitted responses as the analysis reads them, the population the commissioner entered,
 * and the analysis itself with names for every id, in one language.
 */
import { asc, eq } from 'drizzle-orm';
import {
	analyseSurvey,
	OTHER_AREAS,
	OTHER_AREAS_LABEL,
	type SurveyAnalysis,
	type SurveyResponse
} from '../../survey/analyse';
import { localText, type Locale } from '../../survey/present';
import { segmentIds } from '../../survey/profile';
import type { PopulationCounts, WeightingMode } from '../../survey/representativeness';
import type { AnswerValue, SurveyDefinition } from '../../survey/template';
import * as catalogue from '../catalogue';
import type { DB } from '../db/open';
import { service, surveyResponse, surveyResponseSpecial } from '../db/schema';
import type { Survey } from './surveys';

export interface StoredRow {
	id: number;
	submittedOn: Date;
	viaCode: boolean;
	answers: Record<string, AnswerValue>;
	profile: Record<string, AnswerValue>;
	area: string | null;
	ageBand: string | null;
	segments: string[];
	special: Record<string, AnswerValue>;
	specialSegments: string[];
}

/** Every submitted response of a survey, in the order they came, with its special-category part. */
export function listResponses(db: DB, surveyId: number): StoredRow[] {
	return db
		.select({ r: surveyResponse, s: surveyResponseSpecial })
		.from(surveyResponse)
		.leftJoin(surveyResponseSpecial, eq(surveyResponseSpecial.responseId, surveyResponse.id))
		.where(eq(surveyResponse.surveyId, surveyId))
		.orderBy(asc(surveyResponse.id))
		.all()
		.map(({ r, s }) => ({
			id: r.id,
			submittedOn: r.submittedOn,
			viaCode: r.viaCode,
			answers: JSON.parse(r.answers),
			profile: JSON.parse(r.profile),
			area: r.area,
			ageBand: r.ageBand,
			segments: JSON.parse(r.segments),
			special: s ? JSON.parse(s.answers) : {},
			specialSegments: s ? JSON.parse(s.segments) : []
		}));
}

/** The rows as the analysis reads them: every segment, special or not (it only reports totals). */
export function forAnalysis(rows: readonly StoredRow[]): SurveyResponse[] {
	return rows.map((r) => ({
		answers: r.answers,
		...(r.area !== null ? { area: r.area } : {}),
		...(r.ageBand !== null ? { ageBand: r.ageBand } : {}),
		segments: r.specialSegments.length ? [...r.segments, ...r.specialSegments] : r.segments
	}));
}

/** Population by area, by age band and by both, from the catalogue's counts. */
export function population(db: DB): PopulationCounts {
	const byArea: Record<string, number> = {};
	const byAgeBand: Record<string, number> = {};
	const byAreaAndAge: Record<string, Record<string, number>> = {};
	for (const a of catalogue.listAreas(db)) {
		byArea[a.id] = a.total;
		byAreaAndAge[a.id] = {};
		for (const [band, n] of Object.entries(a.population)) {
			if (n === undefined) continue;
			byAreaAndAge[a.id][band] = n;
			byAgeBand[band] = (byAgeBand[band] ?? 0) + n;
		}
	}
	return { byArea, byAgeBand, byAreaAndAge };
}

export interface Names {
	services: Record<string, string>;
	segments: Record<string, string>;
	areas: Record<string, string>;
	ageBands: Record<string, string>;
}

/** Names for every id in the definition, in one language. */
export function namesFor(db: DB, definition: SurveyDefinition, locale: Locale = 'en'): Names {
	const services: Record<string, string> = {};
	for (const row of db.select().from(service).all()) {
		services[row.id] = (locale === 'cy' && row.nameCy) || row.name;
	}
	const segments: Record<string, string> = {};
	for (const s of definition.segments) {
		const label = localText(s.label, locale);
		if (s.values)
			for (const v of s.values)
				segments[`${s.id}:${v.id}`] = `${label}: ${localText(v.label, locale)}`;
		else segments[s.id] = label;
	}
	const areas = Object.fromEntries([
		...definition.areas.map((a) => [a.id, localText(a.label, locale)]),
		// Published tables merge small areas into this one row.
		[OTHER_AREAS, localText(OTHER_AREAS_LABEL, locale)]
	]);
	const ageBands = Object.fromEntries(
		definition.ageBands.map((a) => [a.id, localText(a.label, locale)])
	);
	return { services, segments, areas, ageBands };
}

export interface SurveyResults {
	analysis: SurveyAnalysis;
	names: Names;
}

/** The staff analysis (every cell, however small). Publish with `publishedAnalysis`. */
export function analyse(
	db: DB,
	s: Survey,
	options: { weighting?: WeightingMode; locale?: Locale } = {}
): SurveyResults {
	const names = namesFor(db, s.definition, options.locale);
	const definition = s.definition;
	const analysis = analyseSurvey(forAnalysis(listResponses(db, s.id)), {
		serviceIds: definition.serviceIds,
		segmentIds: segmentIds(definition),
		areaIds: definition.areas.map((a) => a.id),
		ageBandIds: definition.ageBands.map((a) => a.id),
		population: population(db),
		weighting: options.weighting ?? 'none',
		labels: { services: names.services, segments: names.segments, areas: names.areas }
	});
	return { analysis, names };
}
