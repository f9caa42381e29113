import { z } from 'zod';
import { checkbox, optionalText, slug, text } from '../forms/parse';

export const STAGES = ['understand', 'co-design', 'decide', 'agree', 'review'] as const;
export type Stage = (typeof STAGES)[number];

/** Age bands used for population counts, survey profiles and ballots. */
export const AGE_BANDS = ['16-24', '25-34', '35-49', '50-64', '65-74', '75+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const ServiceSchema = z.object({
	id: slug('the service id'),
	name: text('the service name', 2, 120),
	nameCy: optionalText('the Welsh name', 120),
	description: optionalText('the description', 1000),
	department: optionalText('the department', 120)
});

const populationCount = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
	z.coerce
		.number({ error: 'Enter a whole number of people' })
		.int({ error: 'Enter a whole number of people' })
		.min(0, { error: 'A population cannot be negative' })
		.max(10_000_000, { error: 'That population is too large' })
		.optional()
);

const populationShape = Object.fromEntries(
	AGE_BANDS.map((band) => [`pop_${band}`, populationCount])
) as Record<`pop_${AgeBand}`, typeof populationCount>;

/** An area form: population counts arrive as one field per age band (`pop_16-24`, ...). */
export const AreaFormSchema = z.object({
	id: slug('the area id'),
	name: text('the area name', 2, 120),
	nameCy: optionalText('the Welsh name', 120),
	...populationShape
});

/** The form's fields gathered into the shape the server stores. */
export function areaFromForm(v: z.output<typeof AreaFormSchema>) {
	const population: Partial<Record<AgeBand, number>> = {};
	for (const band of AGE_BANDS) {
		const count = v[`pop_${band}`];
		if (count !== undefined) population[band] = count;
	}
	return { id: v.id, name: v.name, nameCy: v.nameCy, population };
}

export const SegmentSchema = z.object({
	id: slug('the segment id'),
	label: text('the label', 2, 120),
	labelCy: optionalText('the Welsh label', 120),
	specialCategory: checkbox
});

/** Return instructions fit in a few lines at the end of a printed form. */
export const PAPER_RETURN_MAX = 600;

export const EngagementSchema = z.object({
	title: text('a title', 3, 160),
	titleCy: optionalText('the Welsh title', 160),
	summary: optionalText('the summary', 2000),
	summaryCy: optionalText('the Welsh summary', 2000),
	paperReturn: optionalText('the return instructions', PAPER_RETURN_MAX),
	paperReturnCy: optionalText('the Welsh return instructions', PAPER_RETURN_MAX),
	serviceId: z.string({ error: 'Choose a service' }).min(1, { error: 'Choose a service' }).max(40)
});

export const StageSchema = z.object({
	stage: z.enum(STAGES, { error: 'Choose a stage' })
});

export const STAGE_LABELS: Record<Stage, string> = {
	understand: 'Understand',
	'co-design': 'Co-design',
	decide: 'Decide',
	agree: 'Agree',
	review: 'Review'
};
