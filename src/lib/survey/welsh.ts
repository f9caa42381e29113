import type { WelshField } from '../i18n/welsh';
import type { LocalisedText, SurveyDefinition } from './template';

/**
 * Everything a survey shows residents that staff typed: its title and description, each of
 * the commissioner's own questions (wording, hint, options, scale ends) and the profile
 * choices snapshotted into it (areas, segments). Service names come from the catalogue
 * (catalogue/welsh.ts).
 */
export function surveyWelshFields(s: {
	id: number;
	title: string;
	titleCy: string | null;
	description: string;
	descriptionCy: string | null;
	definition: SurveyDefinition;
}): WelshField[] {
	const details = `/staff/surveys/${s.id}#details`;
	const fields: WelshField[] = [
		{ label: 'Survey title', en: s.title, cy: s.titleCy, href: details },
		{ label: 'Survey description', en: s.description, cy: s.descriptionCy, href: details }
	];
	const add = (label: string, text: LocalisedText | undefined, href?: string) => {
		if (text) fields.push({ label, en: text.en, cy: text.cy, href });
	};
	for (const q of s.definition.customQuestions) {
		const name = `Question ${q.id.toUpperCase()}`;
		const href = `/staff/surveys/${s.id}/questions/${q.id}`;
		add(`${name}: wording`, q.wording, href);
		add(`${name}: hint`, q.hint, href);
		if (q.type === 'single' || q.type === 'multiple')
			q.options.forEach((o, i) => add(`${name}: option ${i + 1}`, o.label, href));
		if (q.type === 'scale') {
			add(`${name}: label of the lowest point`, q.minLabel, href);
			add(`${name}: label of the highest point`, q.maxLabel, href);
		}
	}
	// A draft takes the catalogue's names again when it is saved or opened: fix them there.
	for (const a of s.definition.areas)
		add(`Area name: ${a.label.en}`, a.label, `/staff/catalogue/areas/${a.id}`);
	for (const g of s.definition.segments) {
		const href = `/staff/catalogue/segments/${g.id}`;
		add(`Segment: ${g.label.en}`, g.label, href);
		for (const v of g.values ?? []) add(`Segment ${g.label.en}: ${v.label.en}`, v.label, href);
	}
	return fields;
}
