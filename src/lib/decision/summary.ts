/**
 * The consultation summary a decision record starts with, written from the evidence in plain
 * sentences: who took part against the population, what they said (overall and by group), what
 * the lab proposed and what the survey ranked "fix first". Staff edit it afterwards; this is
 * only the first draft, and can be written again from the data at any time.
 */
import { formatCount, formatMoney, formatPercent } from '../budget/reasons';
import type { Channel } from '../budget/types';
import {
	groupName,
	type Evidence,
	type GroupEvidence,
	type ProposalEvidence,
	type Representation
} from './evidence';
import type { SummaryText } from './record';

const CHANNEL_WORDS: Record<Channel, string> = {
	online: 'online',
	room: 'at meetings',
	paper: 'on paper',
	kiosk: 'at kiosks'
};

/** "a, b and c" */
export function listWords(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 saving", "2 savings" */
function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const quoted = (title: string) => `“${title}”`;

function representationSentence(
	who: string,
	rep: { under: Representation[]; over: Representation[] }
): string {
	const part = (rows: Representation[]) =>
		listWords(rows.map((r) => `${r.label} (${formatPercent(r.ratio)} of their share)`));
	const bits: string[] = [];
	if (rep.under.length) bits.push(`under-represented: ${part(rep.under)}`);
	if (rep.over.length) bits.push(`over-represented: ${part(rep.over)}`);
	if (!bits.length)
		return `Against the population, ${who} came from every area in about its share.`;
	return `Against the population, among ${who}, ${bits.join('; ')}.`;
}

function participation(e: Evidence): string {
	const sentences: string[] = [];
	if (e.vote) {
		const channels = (Object.entries(e.vote.byChannel) as [Channel, number][])
			.filter(([, n]) => n > 0)
			.map(([c, n]) => `${formatCount(n)} ${CHANNEL_WORDS[c]}`);
		sentences.push(
			`${plural(e.vote.ballots, 'ballot')} were counted in the community budget vote ${quoted(e.vote.title)}` +
				(channels.length ? ` (${listWords(channels)})` : '') +
				`; ${formatCount(e.vote.assured)} of them were backed by a participation code or checked by staff.`
		);
		sentences.push(representationSentence('voters', e.vote.representation));
	}
	if (e.survey)
		sentences.push(
			`${plural(e.survey.respondents, 'person', 'people')} answered the survey ${quoted(e.survey.title)}.`
		);
	for (const lab of e.labs)
		sentences.push(
			`${plural(lab.participants, 'person', 'people')} took part in the co-production lab ${quoted(lab.title)} and posted ${plural(lab.ideas, 'idea')}.`
		);
	if (!e.vote && e.survey)
		sentences.push(representationSentence('survey respondents', e.survey.representation));
	if (!sentences.length) return 'Nobody has taken part yet: no survey, lab or vote has results.';
	return sentences.join(' ');
}

function titled(p: ProposalEvidence): string {
	return `${quoted(p.title)} (${formatMoney(p.amount)})`;
}

function views(e: Evidence): string {
	const v = e.vote;
	if (!v)
		return 'No community budget vote has closed for this engagement, so there are no vote results.';
	const by = (d: ProposalEvidence['decision']) => v.proposals.filter((p) => p.decision === d);
	const sentences: string[] = [];
	const protectedOnes = by('protected');
	if (protectedOnes.length)
		sentences.push(
			`Residents protected ${plural(protectedOnes.length, 'saving')}: ${listWords(protectedOnes.map(titled))}. The groups that depend on ${protectedOnes.length === 1 ? 'it' : 'them'} were strongly against ${protectedOnes.length === 1 ? 'it' : 'them'}.`
		);
	const marginal = by('marginal');
	if (marginal.length)
		sentences.push(
			`${plural(marginal.length, 'saving was', 'savings were')} too close to call and ${marginal.length === 1 ? 'goes' : 'go'} to members with this assessment: ${listWords(marginal.map(titled))}.`
		);
	const accepted = by('accept');
	if (v.savingsTarget > 0)
		sentences.push(
			`The vote accepted ${plural(accepted.length, 'saving')} worth ${formatMoney(v.saved)} against a target of ${formatMoney(v.savingsTarget)}` +
				(v.shortfall > 0 ? `, ${formatMoney(v.shortfall)} short.` : '.')
		);
	else if (accepted.length)
		sentences.push(
			`Residents supported ${plural(accepted.length, 'saving')} worth ${formatMoney(v.saved)}.`
		);
	const funded = by('fund');
	if (funded.length)
		sentences.push(
			`It funded ${plural(funded.length, 'development')}: ${listWords(funded.map(titled))}` +
				(v.developmentBudget > 0
					? `, ${formatMoney(v.spent)} of the ${formatMoney(v.developmentBudget)} budget.`
					: '.')
		);
	const opposed = v.proposals.filter((p) => p.decision === 'notSelected' && p.kind === 'saving');
	if (opposed.length)
		sentences.push(
			`More people did not want than wanted ${listWords(opposed.map((p) => quoted(p.title)))}.`
		);
	if (v.shortfall > 0 && v.overrideOrder.length) {
		const names = v.overrideOrder.map((o) =>
			quoted(v.proposals.find((p) => p.id === o.id)?.title ?? o.id)
		);
		sentences.push(
			`If members must close the gap, the count lists the held-back savings weakest protection first: ${listWords(names)}.`
		);
	}
	return sentences.join(' ');
}

function groupSentence(e: Evidence, p: ProposalEvidence, g: GroupEvidence): string {
	const name = groupName(g.group, e.groupLabels);
	const share = g.opposition === null ? '' : formatPercent(g.opposition);
	const against =
		g.othersShare === null ? '' : `, against ${formatPercent(g.othersShare)} of other voters`;
	const n = g.ballots === null ? '' : ` of ${formatCount(g.ballots)}`;
	if (g.outcome === 'priority')
		return `${name} want ${quoted(p.title)} far more than other voters${against}: a minority priority.`;
	const head = `${name}: ${share}${n} do not want ${quoted(p.title)}${against}`;
	if (g.outcome === 'protects')
		return `${head}. This protects it${g.fragility === null ? '' : `; it would change if ${formatCount(g.fragility)} of them had voted the other way`}.`;
	if (g.outcome === 'marginal')
		return `${head}. That is above the threshold but not surely so, so it is too close to call${g.fragility === null ? '' : ` (${formatCount(g.fragility)} ballots from a change)`}.`;
	return `${head}. They were not declared as depending on it, so this is flagged for members, not a protection.`;
}

function groups(e: Evidence): string {
	const v = e.vote;
	if (!v) return 'There are no figures by group without a closed vote.';
	const sentences = v.proposals.flatMap((p) =>
		p.groups.filter((g) => g.outcome !== 'none').map((g) => groupSentence(e, p, g))
	);
	if (!sentences.length)
		return 'No group stood out: no declared group protected a saving, and no other group was strongly against one.';
	return sentences.join(' ');
}

function lab(e: Evidence): string {
	if (!e.labs.length) return 'No co-production lab was held for this engagement.';
	return e.labs
		.map((l) => {
			if (!l.shortlist.length)
				return `The lab ${quoted(l.title)} collected ${plural(l.ideas, 'idea')} but made no shortlist.`;
			const items = l.shortlist.map(
				(s) =>
					`${s.label} (${plural(s.dots, 'dot')}` +
					(s.proposals.length
						? `; became ${listWords(s.proposals.map(quoted))})`
						: '; not costed as a proposal)')
			);
			return `The lab ${quoted(l.title)} shortlisted ${plural(l.shortlist.length, 'idea')}: ${items.join('; ')}.`;
		})
		.join(' ');
}

function survey(e: Evidence): string {
	const s = e.survey;
	if (!s) return 'No survey results are available for this engagement.';
	if (!s.fixFirst.length)
		return `The survey ${quoted(s.title)} (${plural(s.respondents, 'response')}) ranked no service "fix first".`;
	return `The survey ${quoted(s.title)} (${plural(s.respondents, 'response')}) ranked ${listWords(s.fixFirst.map((f) => f.en))} "fix first": more important to residents than most services, and rated below average.`;
}

/** The first draft of the consultation summary, from the evidence alone. */
export function writeSummary(e: Evidence): SummaryText {
	return {
		participation: participation(e),
		views: views(e),
		groups: groups(e),
		lab: lab(e),
		survey: survey(e)
	};
}
