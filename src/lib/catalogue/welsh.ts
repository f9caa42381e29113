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

export function serviceFields(services: readonly NamedService[]): WelshField[] {
	return services.map((s) => ({
		label: `Service name: ${s.name}`,
		en: s.name,
		cy: s.nameCy,
		href: `/staff/catalogue/services/${s.id}`
	}));
}

export function areaFields(areas: readonly NamedService[]): WelshField[] {
	return areas.map((a) => ({
		label: `Area name: ${a.name}`,
		en: a.name,
		cy: a.nameCy,
		href: `/staff/catalogue/areas/${a.id}`
	}));
}

export function segmentFields(segments: readonly LabelledSegment[]): WelshField[] {
	return segments.map((s) => ({
		label: `Segment: ${s.label}`,
		en: s.label,
		cy: s.labelCy,
		href: `/staff/catalogue/segments/${s.id}`
	}));
}

/** An engagement's own text: its title is on every code letter and the code page. */
export function engagementFields(e: {
	title: string;
	titleCy: string | null;
	summary: string;
	summaryCy: string | null;
}): WelshField[] {
	return [
		{ label: 'Engagement title', en: e.title, cy: e.titleCy },
		{ label: 'Engagement summary', en: e.summary, cy: e.summaryCy }
	];
}
