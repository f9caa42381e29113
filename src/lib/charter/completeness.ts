import {
	GOVERNANCE_FIELDS,
	GOVERNANCE_LABELS,
	commitmentsOf,
	isBlank,
	type CharterContent
} from './charter';

export type CharterSection =
	'basics' | 'outcomes' | 'parties' | 'governance' | 'commitments' | 'standards';

/** One thing missing before a charter can be signed, with the section of the editor it is in. */
export interface Gap {
	section: CharterSection;
	message: string;
}

/**
 * What is missing before the parties can sign (docs/charter.md: "every party commits
 * something, and every commitment has an owner, a measure and a review date"). An empty list
 * means the charter is complete.
 */
export function completeness(content: CharterContent): Gap[] {
	const gaps: Gap[] = [];
	const gap = (section: CharterSection, message: string) => gaps.push({ section, message });

	if (isBlank(content.title)) gap('basics', 'Give the charter a title.');
	if (isBlank(content.service)) gap('basics', 'Say which service the charter covers.');

	if (content.outcomes.length === 0)
		gap('outcomes', 'Add at least one outcome the service aims for.');
	content.outcomes.forEach((outcome, i) => {
		const name = isBlank(outcome.title) ? `Outcome ${i + 1}` : `Outcome "${outcome.title.trim()}"`;
		if (isBlank(outcome.title)) gap('outcomes', `${name} needs a name.`);
		if (isBlank(outcome.indicator)) gap('outcomes', `${name} needs an indicator.`);
		if (isBlank(outcome.baseline)) gap('outcomes', `${name} needs a baseline.`);
		if (isBlank(outcome.target)) gap('outcomes', `${name} needs a target.`);
	});

	if (!content.parties.some((p) => p.kind === 'commissioner'))
		gap('parties', 'Add the commissioner as a party.');
	if (!content.parties.some((p) => p.kind === 'community'))
		gap('parties', 'Add at least one community representative as a party.');
	content.parties.forEach((party, i) => {
		const name = isBlank(party.organisation) ? `Party ${i + 1}` : party.organisation.trim();
		if (isBlank(party.organisation)) gap('parties', `${name} needs an organisation name.`);
		// A signing link has to go to someone: the charter names who signs for each party.
		if (isBlank(party.signatoryName)) gap('parties', `${name} needs the name of who will sign.`);
		if (isBlank(party.signatoryRole)) gap('parties', `${name} needs the role of who will sign.`);
		if (commitmentsOf(content, party.id).length === 0)
			gap('commitments', `${name} has not committed anything yet: add at least one commitment.`);
	});

	const partyIds = new Set(content.parties.map((p) => p.id));
	content.commitments.forEach((commitment, i) => {
		const name = isBlank(commitment.what)
			? `Commitment ${i + 1}`
			: `Commitment "${commitment.what.trim()}"`;
		if (isBlank(commitment.what)) gap('commitments', `${name} needs to say what is committed.`);
		if (!partyIds.has(commitment.partyId))
			gap('commitments', `${name} belongs to a party that is no longer in the charter.`);
		if (isBlank(commitment.owner)) gap('commitments', `${name} needs an owner.`);
		if (isBlank(commitment.measure)) gap('commitments', `${name} needs a measure.`);
		if (isBlank(commitment.date))
			gap(
				'commitments',
				`${name} needs a ${commitment.dateKind === 'due' ? 'due' : 'review'} date.`
			);
	});

	for (const field of GOVERNANCE_FIELDS) {
		if (isBlank(content.governance[field]))
			gap('governance', `Governance: describe ${GOVERNANCE_LABELS[field]}.`);
	}

	if (!content.standards.some((s) => !isBlank(s.text)))
		gap('standards', 'Add at least one service standard: what users can expect.');
	content.standards.forEach((standard, i) => {
		if (isBlank(standard.text) && content.standards.length > 1)
			gap('standards', `Service standard ${i + 1} is blank: fill it in or remove it.`);
	});

	return gaps;
}

/** True when nothing is missing for signing. */
export function isComplete(content: CharterContent): boolean {
	return completeness(content).length === 0;
}

/**
 * Why a charter is too empty to put out for consultation: residents need at least the service
 * and something to comment on. An empty list means consultation may open.
 */
export function consultationGaps(content: CharterContent): string[] {
	const reasons: string[] = [];
	if (isBlank(content.service)) reasons.push('Say which service the charter covers.');
	const hasSomething =
		content.outcomes.length > 0 ||
		content.parties.length > 0 ||
		content.commitments.length > 0 ||
		content.standards.some((s) => !isBlank(s.text)) ||
		GOVERNANCE_FIELDS.some((f) => !isBlank(content.governance[f]));
	if (!hasSomething)
		reasons.push(
			'The charter is empty: add at least one outcome, party, commitment, service standard or governance detail for residents to comment on.'
		);
	return reasons;
}

/**
 * Problems no form should ever produce (two items sharing an id): an edit carrying them is
 * refused, because the history page and the review board match items by id.
 */
export function structuralProblems(content: CharterContent): string[] {
	const problems: string[] = [];
	const lists: [string, { id: string }[]][] = [
		['outcomes', content.outcomes],
		['parties', content.parties],
		['commitments', content.commitments],
		['service standards', content.standards]
	];
	for (const [label, items] of lists) {
		const seen = new Set<string>();
		for (const item of items) {
			if (item.id.trim() === '') problems.push(`One of the ${label} has no id.`);
			else if (seen.has(item.id)) problems.push(`Two ${label} share the id "${item.id}".`);
			seen.add(item.id);
		}
	}
	return problems;
}
