/**
 * The equality impact assessment inside a decision record: for every saving and development of
 * the vote, each group's figures from the count and whether the proposal has an adverse impact
 * on it; for each adverse impact a mitigation and an owner; an overall judgement; a sign-off.
 *
 * What the count found (a group protecting a saving, making it too close to call or flagged
 * against it; a minority priority left unfunded) is an adverse impact whatever the assessor
 * says: the assessor may add impacts, never remove those.
 */
import { isIsoDate } from '../charter/schemas';
import {
	GROUP_KIND_LABELS,
	GROUP_OUTCOME_LABELS,
	groupName,
	type Evidence,
	type GroupEvidence,
	type ProposalEvidence
} from './evidence';
import { EQIA_JUDGEMENT_LABELS, type Eqia, type EqiaImpact, type EqiaSignOff } from './record';

export type FieldErrors = Record<string, string>;

/**
 * Savings in the override order first (weakest protection first, as members would release
 * them), then the other savings, then developments, each by rank.
 */
export function eqiaOrder(evidence: Evidence): ProposalEvidence[] {
	const vote = evidence.vote;
	if (!vote) return [];
	const byId = new Map(vote.proposals.map((p) => [p.id, p]));
	const override = vote.overrideOrder.flatMap((o) => byId.get(o.id) ?? []);
	const inOverride = new Set(override.map((p) => p.id));
	const byRank = (kind: ProposalEvidence['kind']) =>
		vote.proposals
			.filter((p) => p.kind === kind && !inOverride.has(p.id))
			.sort((a, b) => a.rank - b.rank);
	return [...override, ...byRank('saving'), ...byRank('development')];
}

/** Whether the count itself found an adverse impact on this group. */
export function foundByCount(p: ProposalEvidence, g: GroupEvidence): boolean {
	if (g.outcome === 'protects' || g.outcome === 'marginal' || g.outcome === 'flagged') return true;
	return g.outcome === 'priority' && p.decision !== 'fund';
}

/** The key of one proposal's impact on one group, as form fields name it. */
export function impactKey(proposalId: string, group: string): string {
	return `${proposalId}-${group}`;
}

export interface EqiaRow {
	key: string;
	group: GroupEvidence;
	name: string;
	adverse: boolean;
	/** Found by the count: always adverse. */
	locked: boolean;
	mitigation: string;
	owner: string;
}

export interface EqiaSection {
	proposal: ProposalEvidence;
	/** 1-based place in the override order, if the saving is in it. */
	overridePlace: number | null;
	rows: EqiaRow[];
}

function impactOf(eqia: Eqia, proposalId: string, group: string): EqiaImpact | undefined {
	return eqia.impacts.find((i) => i.proposalId === proposalId && i.group === group);
}

/** Every proposal's table, in `eqiaOrder`, with the assessor's entries merged in. */
export function eqiaSections(evidence: Evidence, eqia: Eqia): EqiaSection[] {
	const order = evidence.vote?.overrideOrder.map((o) => o.id) ?? [];
	return eqiaOrder(evidence).map((p) => ({
		proposal: p,
		overridePlace: order.includes(p.id) ? order.indexOf(p.id) + 1 : null,
		rows: p.groups.map((g) => {
			const impact = impactOf(eqia, p.id, g.group);
			const locked = foundByCount(p, g);
			return {
				key: impactKey(p.id, g.group),
				group: g,
				name: groupName(g.group, evidence.groupLabels),
				adverse: locked || (impact?.adverse ?? false),
				locked,
				mitigation: impact?.mitigation ?? '',
				owner: impact?.owner ?? ''
			};
		})
	}));
}

/** The adverse impacts, each with its proposal, in table order. */
export function adverseImpacts(evidence: Evidence, eqia: Eqia) {
	return eqiaSections(evidence, eqia).flatMap((s) =>
		s.rows.filter((r) => r.adverse).map((r) => ({ proposal: s.proposal, row: r }))
	);
}

/**
 * Marks which of a proposal's groups the assessor finds adversely affected (besides those the
 * count found). Keeps what was written for them; clears the sign-off.
 */
export function markImpacts(
	evidence: Evidence,
	eqia: Eqia,
	proposalId: string,
	adverseGroups: readonly string[]
): Eqia {
	const p = evidence.vote?.proposals.find((x) => x.id === proposalId);
	if (!p) return eqia;
	const others = eqia.impacts.filter((i) => i.proposalId !== proposalId);
	const mine = p.groups.map((g) => {
		const old = impactOf(eqia, proposalId, g.group);
		return {
			proposalId,
			group: g.group,
			adverse: foundByCount(p, g) || adverseGroups.includes(g.group),
			mitigation: old?.mitigation ?? '',
			owner: old?.owner ?? ''
		};
	});
	return {
		...eqia,
		impacts: [...others, ...mine.filter((i) => i.adverse || i.mitigation || i.owner)],
		signOff: null
	};
}

export interface MitigationEntry {
	key: string;
	mitigation: string;
	owner: string;
}

/**
 * Writes the mitigations and owners of the adverse impacts, the judgement and its reasons.
 * Entries for impacts that are not adverse are ignored. Clears the sign-off.
 */
export function writeMitigations(
	evidence: Evidence,
	eqia: Eqia,
	entries: readonly MitigationEntry[],
	judgement: Eqia['judgement'],
	reasons: string
): Eqia {
	const byKey = new Map(entries.map((e) => [e.key, e]));
	const impacts = adverseImpacts(evidence, eqia).map(({ proposal, row }) => {
		const entry = byKey.get(row.key);
		return {
			proposalId: proposal.id,
			group: row.group.group,
			adverse: true,
			mitigation: entry?.mitigation ?? row.mitigation,
			owner: entry?.owner ?? row.owner
		};
	});
	const kept = eqia.impacts.filter(
		(i) => !impacts.some((n) => n.proposalId === i.proposalId && n.group === i.group)
	);
	return { impacts: [...kept, ...impacts], judgement, reasons, signOff: null };
}

/**
 * What stops the assessment from being signed off, by form field: every adverse impact needs a
 * mitigation and an owner, and the judgement needs its reasons.
 */
export function eqiaProblems(evidence: Evidence, eqia: Eqia): FieldErrors {
	const errors: FieldErrors = {};
	for (const { proposal, row } of adverseImpacts(evidence, eqia)) {
		const what = `the adverse impact of “${proposal.title}” on ${row.name}`;
		if (!row.mitigation.trim())
			errors[`mitigation-${row.key}`] = `Write how ${what} is mitigated before signing off`;
		if (!row.owner.trim()) errors[`owner-${row.key}`] = `Name who owns the mitigation of ${what}`;
	}
	if (!eqia.judgement) errors.judgement = 'Choose the overall judgement';
	if (!eqia.reasons.trim())
		errors.reasons =
			eqia.judgement === 'continue'
				? 'Justify continuing despite the adverse impacts'
				: 'Give the reasons for the judgement';
	return errors;
}

/**
 * Signs the assessment off, or says what stops it (by form field): the assessment must be
 * complete and the sign-off needs a name, a role and a date that is not in the future.
 */
export function signOff(
	evidence: Evidence,
	eqia: Eqia,
	by: EqiaSignOff,
	today: string
): { ok: true; eqia: Eqia } | { ok: false; errors: FieldErrors } {
	const errors = eqiaProblems(evidence, eqia);
	if (!by.name.trim()) errors.signOffName = 'Enter the name of the person signing off';
	if (!by.role.trim()) errors.signOffRole = 'Enter their role';
	if (!isIsoDate(by.date)) errors.signOffDate = 'Enter the date of the sign-off, like 2026-11-20';
	else if (by.date > today) errors.signOffDate = 'The sign-off date cannot be in the future';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, eqia: { ...eqia, signOff: { ...by } } };
}

const share = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** The assessment as spreadsheet rows: a header, then one row per proposal and group. */
export function eqiaCsvRows(evidence: Evidence, eqia: Eqia): unknown[][] {
	const header = [
		'Order',
		'Proposal',
		'Kind',
		'Amount (£)',
		'Count decision',
		'Override place',
		'Group',
		'Why listed',
		'Ballots',
		'Support (%)',
		'Opposition (%)',
		'Other voters (%)',
		'Count finding',
		'Fragility (ballots)',
		'Adverse impact',
		'Mitigation',
		'Owner'
	];
	const rows = eqiaSections(evidence, eqia).flatMap((s, i) =>
		s.rows.map((r) => [
			i + 1,
			s.proposal.title,
			s.proposal.kind,
			s.proposal.amount / 100,
			s.proposal.decision,
			s.overridePlace,
			r.name,
			GROUP_KIND_LABELS[r.group.kind],
			r.group.suppressed ? 'fewer than 10' : r.group.ballots,
			share(r.group.support),
			share(r.group.opposition),
			share(r.group.othersShare),
			GROUP_OUTCOME_LABELS[r.group.outcome],
			r.group.fragility,
			r.adverse,
			r.mitigation,
			r.owner
		])
	);
	const footer = [
		[],
		['Overall judgement', eqia.judgement ? EQIA_JUDGEMENT_LABELS[eqia.judgement] : 'Not made'],
		['Reasons', eqia.reasons],
		[
			'Signed off',
			eqia.signOff
				? `${eqia.signOff.name}, ${eqia.signOff.role}, ${eqia.signOff.date}`
				: 'Not signed off'
		]
	];
	return [header, ...rows, ...footer];
}
