import type { WelshField } from '../i18n/welsh';

/**
 * Catalogue names residents read inside a survey, a vote or a code letter (services, areas,
 * segments), as Welsh fields pointing at the catalogue page where staff add the Welsh.
 */

export interface NamedService {
	id: string;
	name: string;
	nameCy: string | null;
}

export interface LabelledSegment {
	id: string;
	label: string;
	labelCy: string | null;
}

function nameFields(kind: 'service' | 'area', items: readonly NamedService[]): WelshField[] {
	return items.map((x) => ({
		label: `${kind === 'service' ? 'Service' : 'Area'} name: ${x.name}`,
		en: x.name,
		cy: x.nameCy,
		href: `/staff/catalogue/${kind}s/${x.id}`
	}));
}

export const serviceFields = (services: readonly NamedService[]) => nameFields('service', services);
export const areaFields = (areas: readonly NamedService[]) => nameFields('area', areas);

export function segmentFields(segments: readonly LabelledSegment[]): WelshField[] {
	return segments.map((s) => ({
		label: `Segment: ${s.label}`,
		en: s.label,
		cy: s.labelCy,
		href: `/staff/catalogue/segments/${s.id}`
	}));
}

/**
 * An engagement's own text: its title is on every code letter and the code page, its return
 * instructions on every paper form.
 */
export function engagementFields(e: {
	title: string;
	titleCy: string | null;
	summary: string;
	summaryCy: string | null;
	paperReturn?: string | null;
	paperReturnCy?: string | null;
}): WelshField[] {
	return [
		{ label: 'Engagement title', en: e.title, cy: e.titleCy },
		{ label: 'Engagement summary', en: e.summary, cy: e.summaryCy },
		returnField(e)
	];
}

/** The return instructions printed at the end of an engagement's paper forms. */
export function returnField(e: {
	paperReturn?: string | null;
	paperReturnCy?: string | null;
}): WelshField {
	return { label: 'Paper return instructions', en: e.paperReturn ?? '', cy: e.paperReturnCy };
}
