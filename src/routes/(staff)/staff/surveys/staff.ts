// Shared by the staff survey pages: the survey from the address and the details form.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { formValues, optionalText, type FieldErrors, type FormValues } from '$lib/forms/parse';
import { fromLocalInput } from '$lib/survey/dates';
import { DESCRIPTION_MAX, surveyBuilderSchema, TITLE_MAX } from '$lib/survey/schemas';
import { getDb } from '$lib/server/db';
import * as surveys from '$lib/server/survey/surveys';

export function surveyOf(param: string): surveys.Survey {
	const id = Number(param);
	const found = Number.isInteger(id) && id > 0 ? surveys.getSurvey(getDb(), id) : undefined;
	if (!found) error(404, 'Survey not found');
	return found;
}

const welshSchema = z.object({
	titleCy: optionalText('the Welsh title', TITLE_MAX),
	descriptionCy: optionalText('the Welsh description', DESCRIPTION_MAX)
});

export type DetailsParse =
	| { ok: true; details: surveys.SurveyDetails; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors };

/** The builder's details form: the shared schema plus the Welsh title and description. */
export function parseDetails(formData: FormData): DetailsParse {
	const values = formValues(formData);
	const main = surveyBuilderSchema.safeParse(values);
	const welsh = welshSchema.safeParse(values);
	const errors: FieldErrors = {};
	for (const issue of [...(main.error?.issues ?? []), ...(welsh.error?.issues ?? [])]) {
		errors[issue.path.length ? issue.path.join('.') : '_'] ??= issue.message;
	}
	if (!main.success || !welsh.success) return { ok: false, values, errors };
	const d = main.data;
	return {
		ok: true,
		values,
		details: {
			title: d.title,
			titleCy: welsh.data.titleCy ?? null,
			description: d.description,
			descriptionCy: welsh.data.descriptionCy ?? null,
			serviceIds: d.serviceIds,
			access: d.access,
			opensAt: d.opensAt ? fromLocalInput(d.opensAt) : null,
			closesAt: d.closesAt ? fromLocalInput(d.closesAt) : null
		}
	};
}

/** The weighting asked for in the address (`?weighting=area`), none by default. */
export function weightingOf(url: URL): 'none' | 'area' | 'areaAndAge' {
	const w = url.searchParams.get('weighting');
	return w === 'area' || w === 'areaAndAge' ? w : 'none';
}
