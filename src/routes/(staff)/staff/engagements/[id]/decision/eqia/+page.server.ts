import { fail } from '@sveltejs/kit';
import { adverseImpacts } from '$lib/decision/eqia';
import { mitigationsSchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import { getDb } from '$lib/server/db';
import * as records from '$lib/server/decision/records';
import { editing, recordPath, settle } from '../record.server';
import type { Actions } from './$types';

export const actions: Actions = {
	/** Saves the mitigations, judgement and reasons; "Save and sign off" signs it off as well. */
	default: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const draft = records.getRecord(getDb(), id)?.draft?.content;
		const keys = draft ? adverseImpacts(draft.evidence, draft.eqia).map((a) => a.row.key) : [];
		const parsed = parseForm(mitigationsSchema(keys), await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const d = parsed.data as Record<string, string> & typeof parsed.data;
		return settle(
			() =>
				records.saveAssessment(at, {
					entries: keys.map((key) => ({
						key,
						mitigation: d[`mitigation-${key}`] ?? '',
						owner: d[`owner-${key}`] ?? ''
					})),
					judgement: d.judgement ?? null,
					reasons: d.reasons,
					signOff:
						d.intent === 'signOff'
							? { name: d.signOffName, role: d.signOffRole, date: d.signOffDate }
							: null
				}),
			parsed.values,
			`${recordPath(id)}/eqia`
		);
	}
};
