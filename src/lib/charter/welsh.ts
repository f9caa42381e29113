import { z } from 'zod';
import { inLanguage, type Shown, type WelshField } from '../i18n/welsh';
import { GOVERNANCE_FIELDS, GOVERNANCE_LABELS, isBlank, type CharterContent } from './charter';

/**
 * The charter in Welsh. The Welsh sits in the content itself (`content.cy`), as a map from a
 * field's path to its Welsh: `title`, `summary`, `governance.forum`, `outcomes.<id>.target`,
 * `commitments.<id>.what`... So it is frozen, hashed and signed with the English: the parties
 * sign one bilingual text, and the Welsh of a signed version can no more change than its
 * English. A charter without Welsh has no `cy` at all, so its hash is what it always was.
 *
 * Names of organisations and people are not translated; everything else residents read is.
 */
export type CharterWelsh = Record<string, string>;

export interface CharterWelshField extends WelshField {
	/** The field's path, the key in `content.cy` and the form field's name. */
	path: string;
	/** The longest Welsh accepted: the English field's own limit. */
	max: number;
}

/** Every field residents read that can have Welsh, in the order the charter reads. */
export function charterWelshFields(content: CharterContent): CharterWelshField[] {
	const cy = content.cy ?? {};
	const fields: CharterWelshField[] = [];
	const add = (path: string, label: string, en: string, max: number) =>
		fields.push({ path, label, en, cy: cy[path], max });
	add('title', 'Title', content.title, 160);
	add('service', 'Service', content.service, 200);
	add('summary', 'Summary', content.summary, 2000);
	content.outcomes.forEach((o, i) => {
		const name = `Outcome ${i + 1}`;
		add(`outcomes.${o.id}.title`, `${name}: name`, o.title, 160);
		add(`outcomes.${o.id}.indicator`, `${name}: indicator`, o.indicator, 300);
		add(`outcomes.${o.id}.baseline`, `${name}: baseline`, o.baseline, 300);
		add(`outcomes.${o.id}.target`, `${name}: target`, o.target, 300);
	});
	for (const p of content.parties)
		add(`parties.${p.id}.role`, `${p.organisation}: role`, p.role, 300);
	content.commitments.forEach((c, i) => {
		const name = `Commitment ${i + 1}`;
		add(`commitments.${c.id}.what`, `${name}: what is committed`, c.what, 500);
		add(`commitments.${c.id}.owner`, `${name}: owner`, c.owner, 160);
		add(`commitments.${c.id}.measure`, `${name}: measure`, c.measure, 500);
	});
	content.standards.forEach((s, i) =>
		add(`standards.${s.id}.text`, `Service standard ${i + 1}`, s.text, 300)
	);
	for (const f of GOVERNANCE_FIELDS)
		add(
			`governance.${f}`,
			`Governance: ${GOVERNANCE_LABELS[f]}`,
			content.governance[f],
			f === 'meetingFrequency' ? 300 : 1000
		);
	// Only fields with English to translate: a blank English field shows "not written yet".
	return fields.filter((f) => !isBlank(f.en));
}

/**
 * The form for the Welsh of `content`: one optional field per path, each bounded by its
 * English field's limit, blank meaning "no Welsh yet".
 */
export function charterWelshSchema(content: CharterContent) {
	const shape: Record<string, z.ZodType<string>> = {};
	for (const f of charterWelshFields(content))
		shape[f.path] = z
			.string()
			.trim()
			.max(f.max, { error: `${f.label} in Welsh must be ${f.max} characters or fewer` })
			.optional()
			.transform((v) => v ?? '');
	return z.object(shape);
}

/** The Welsh to store: only paths the content has, only text that was given. */
export function welshOf(content: CharterContent, given: Record<string, string>): CharterWelsh {
	const out: CharterWelsh = {};
	for (const f of charterWelshFields(content)) {
		const text = given[f.path]?.trim();
		if (text) out[f.path] = text;
	}
	return out;
}

/** Reads a charter in the page's language: `read('outcomes.<id>.title', outcome.title)`. */
export function charterReader(
	content: CharterContent,
	lang: string
): (path: string, en: string) => Shown {
	const cy = content.cy ?? {};
	return (path, en) => inLanguage(en, cy[path], lang);
}

/** The Welsh changes between two texts, path by path (for the history of a charter). */
export function welshChanges(
	a: CharterContent,
	b: CharterContent
): { path: string; before: string; after: string }[] {
	const before = a.cy ?? {};
	const after = b.cy ?? {};
	const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	// In the order the newer text reads, then any paths it no longer has.
	const order = new Map(charterWelshFields(b).map((f, i) => [f.path, i]));
	const at = (p: string) => order.get(p) ?? order.size;
	paths.sort((x, y) => at(x) - at(y));
	return paths
		.filter((p) => (before[p] ?? '') !== (after[p] ?? ''))
		.map((p) => ({ path: p, before: before[p] ?? '', after: after[p] ?? '' }));
}

/** The charter's title in the page's language, or `untitled` when it has none yet. */
export function charterTitle(content: CharterContent, lang: string, untitled: string): Shown {
	if (isBlank(content.title)) return { text: untitled };
	return charterReader(content, lang)('title', content.title);
}
