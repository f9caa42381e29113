// The custom question form's choices: which earlier answers a question may depend on.
import { showIfTargets, SHOW_IF_SEPARATOR } from '$lib/survey/builder-form';
import { presentQuestion } from '$lib/survey/present';
import type { DB } from '$lib/server/db';
import { presentContext } from '$lib/server/survey/labels';
import type { Survey } from '$lib/server/survey/surveys';

export interface ShowIfGroup {
	label: string;
	options: { value: string; label: string }[];
}

export function showIfChoices(db: DB, s: Survey, questionId?: string): ShowIfGroup[] {
	const ctx = presentContext(db, 'en');
	return showIfTargets(s.definition, questionId).map((q) => {
		const shown = presentQuestion(q, ctx);
		const prefix = q.id.startsWith('custom:') ? `${q.id.slice(7).toUpperCase()}: ` : '';
		return {
			label: `${prefix}${shown.label}`,
			options: shown.options.map((o) => ({
				value: `${q.id}${SHOW_IF_SEPARATOR}${o.code}`,
				label: o.label
			}))
		};
	});
}
