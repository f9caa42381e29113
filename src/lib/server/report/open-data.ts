/**
 * Open data for an engagement: one ZIP anyone can download from the report and publish. It
 * holds anonymised, suppressed tables, the vote as anonymised ballots (JSON, recountable with
 * the CLI) and as Pabulib, the rules, and a README saying how to recount. No codes, tokens,
 * receipts, names or times; nobody's service use or group membership (special-category answers
 * among them) at ballot level: those are published only as totals per group.
 */
import { zipSync, strToU8 } from 'fflate';
import { OTHER_AREAS } from '../../budget/publishable';
import { DECISION_LABELS } from '../../vote/rules';
import { OTHER_AREAS_LABEL } from '../../survey/analyse';
import { csvFile } from '../../csv/csv';
import * as audit from '../audit';
import { csvExport, pabulibExport, prepareExport } from '../budget/exports';
import type { DB } from '../db/open';
import { prioritiesCsv } from './priorities-export';
import type { EngagementReport } from './report';

function readme(report: EngagementReport, digest: string | null, files: string[]): string {
	const v = report.vote;
	const decisions = Object.entries(DECISION_LABELS).map(
		([code, label]) => `\`${code}\` (${label})`
	);
	return [
		`# Open data: ${report.engagement.title}`,
		'',
		`Published by the council with Co-Commission. Service: ${report.engagement.serviceName}.`,
		'',
		'## Files',
		...files.map((f) => `- \`${f}\``),
		'',
		'Nothing here identifies a person: no participation codes, tokens, receipts, names or',
		"times, and nobody's service use or groups (special-category answers among them) except",
		'as totals.',
		'',
		'## What is aggregated, and why',
		'',
		'With a handful of people in a cell, anyone who knows a neighbour took part could learn how',
		'they voted, or that they are disabled. So no file gives a group or a combination of',
		'answers of fewer than 10 people:',
		'',
		'- Survey tables: groups of residents (segments) with fewer than 10 respondents are left',
		`  out; areas with fewer than 10 are given together as "${OTHER_AREAS_LABEL.en}" (if`,
		'  that is still under 10, the smallest areas join it, so no small area can be worked out',
		'  by taking the others from the total); a figure from fewer than 10 answers is blank.',
		'- Vote ballots (`vote-ballots.json`, `vote.pb`) keep only their marks, area, age band',
		'  (only when the count weights by age band), channel and assurance, and identical ballots',
		`  are given once with a count. Areas with fewer than 10 ballots are given as "${OTHER_AREAS}",`,
		'  and an area and age band of fewer than 10 loses its age band. Service use and group',
		'  membership are never given ballot by ballot, only as totals for each proposal and group,',
		'  which is all the count needs; a group of fewer than 10 ballots is given only as such, with',
		'  whether it can join a union of groups.',
		"- Marks within a group of 10 or more (its wants and don't-wants), dots on a lab idea, ranks",
		'  and fragility margins are given as they are: they count marks, not people who share a',
		'  characteristic, and the recount needs them exactly.',
		'',
		...(v && digest
			? [
					'## What the count decided',
					'',
					...(report.summary
						? [
								report.summary.vote.decision,
								...(report.summary.vote.money ? [report.summary.vote.money] : []),
								''
							]
						: []),
					...v.result.summary.map((line) => `- ${line}`),
					'',
					'## Recount the vote',
					'',
					'With the Co-Commission source code (Node 22.17 or later):',
					'',
					'```sh',
					'npm install',
					'npx co-commission-count vote.pb --json    # or: npm run count -- vote.pb --json',
					'```',
					'',
					`The printed \`digest\` is \`${digest}\`, the digest on the official results page,`,
					'and every decision is the official one (counting rules version 2): the keys',
					'`decisions`, `protectedBy`, `marginalBy`, `flagged`, `fragility`, `saved`, `shortfall`,',
					'`spent`, `overrideOrder`, `dependsOnOpen` and `majority` repeat what `vote-proposals.csv`',
					'and the results page say. `vote-ballots.json` is the same input as a scenario file',
					'(`npx co-commission-count vote-ballots.json` gives the same digest).',
					'',
					'Decisions: ' + decisions.join(', ') + '.',
					'',
					'## vote.pb',
					'',
					'The Pabulib format (pabulib.org): each proposal is a project costing its amount, each',
					'voter approves the proposals they marked Want, and Pabulib tools read it as an approval',
					'vote. Extra columns and META keys carry the rest:',
					'',
					'- PROJECTS: `amount` (exact, in pence), `kind` (saving or development), `service` (an',
					'  id), `affects` (the groups declared before voting as depending on it: segment ids and',
					'  `users`), `dont_wants`, `selected` (1 when funded or accepted) and `decision` (the',
					'  official decision, as above).',
					'- VOTES: `voter_id` (numbered from 1), `vote` (proposals marked Want), `dont_want`',
					"  (proposals marked Don't want), `neighborhood` (area), `age_band` (only when population",
					'  weighting is by age band), `voting_method` (online, room, paper or kiosk) and `assured`',
					'  (1 for a ballot backed by a participation code or checked by staff, 0 for an open one).',
					'- META: `format` (`co-commission/vote/2`), `rules` (every counting rule, as JSON),',
					'  `segments` (the groups residents could say they belong to: ids and names) and `groups`',
					"  (for each proposal, the ballots, wants and don't-wants of each group and each",
					'  combination of the groups declared as depending on it, and of each group not declared',
					'  for it, among all ballots and among assured ones).',
					'',
					"Nobody's service use or group membership (disability, health, ethnicity and religion",
					'among them) is published ballot by ballot. The count itself takes every group as the',
					'totals in `groups`, which is all that minority protection needs, so the recount repeats',
					'every protection, flag and fragility figure.',
					'',
					'## vote-proposals.csv',
					'',
					'One row per proposal by rank (the decision, what simple majority would have decided, the',
					'groups that protect it or make it too close to call, fragility, flags for review, knock-on',
					'changes, its place in the override order, whether it depends on open ballots, the',
					'figures and the reasons), then one row per proposal and group, then the override order',
					"(when there is a shortfall), then the count's notes.",
					''
				]
			: []),
		'## Rules',
		'',
		'`rules.json` holds the counting rules fixed before the vote opened: limits on marks, the',
		'budget and savings target, the method, and the minority-protection settings.'
	].join('\n');
}

/** The stages of building the ZIP, for a progress display (see `$lib/server/exports`). */
export type OpenDataStep = 'ballots' | 'count' | 'pabulib' | 'tables' | 'zip';

/** Builds the ZIP and records the export in the audit log. `onStep` hears each stage begin. */
export function openDataZip(
	db: DB,
	actor: audit.Actor,
	report: EngagementReport,
	councilName: string,
	onStep: (step: OpenDataStep) => void = () => {}
): Uint8Array {
	const files: Record<string, Uint8Array> = {};
	const add = (name: string, text: string) => (files[name] = strToU8(text));
	add('priorities.csv', prioritiesCsv(report));
	let digest: string | null = null;
	const v = report.vote;
	if (v && v.status === 'closed' && v.officialDigest) {
		onStep('ballots');
		// The official count is of the publishable input: special-category answers only as
		// totals, so these files recount to the official digest (budget/publishable.ts).
		const data = prepareExport(db, actor, v.id, 'pb', councilName);
		onStep('count');
		digest = data.result.digest;
		add(
			'vote-ballots.json',
			JSON.stringify(
				{ version: 2, name: v.title, ...data.input, rules: data.result.rules },
				null,
				1
			)
		);
		add('vote-proposals.csv', csvExport(data));
		onStep('pabulib');
		add('vote.pb', pabulibExport(data));
		add('rules.json', JSON.stringify(data.vote.rules, null, 1));
	}
	onStep('tables');
	const s = report.survey;
	if (s) {
		add(
			'survey-services.csv',
			csvFile([
				[
					'service',
					'importance_mean',
					'satisfaction_mean',
					'quadrant',
					'contributing_share',
					'willing_share',
					'n'
				],
				...s.analysis.services.map((r) => [
					s.names.services[r.serviceId] ?? r.serviceId,
					r.importance.mean,
					r.satisfaction.mean,
					s.analysis.priority.services.find((p) => p.serviceId === r.serviceId)?.quadrant ?? null,
					r.contributing.share,
					r.willing.share,
					// No count under 10 is published (its figures are suppressed too).
					r.importance.suppressed ? null : r.importance.n
				])
			])
		);
		for (const [name, table, labels] of [
			['survey-willing-by-segment.csv', s.analysis.community.bySegment, s.names.segments],
			['survey-willing-by-area.csv', s.analysis.community.byArea, s.names.areas]
		] as const) {
			add(
				name,
				csvFile([
					['group', 'respondents', ...table.serviceIds.map((id) => s.names.services[id] ?? id)],
					...table.groupIds.map((g, i) => [
						labels[g] ?? g,
						table.respondents[i],
						...table.cells[i].map((c) => c.willing.share)
					])
				])
			);
		}
	}
	if (report.labs.length)
		add(
			'lab-shortlist.csv',
			csvFile([
				['lab', 'item', 'dots', 'proposals'],
				...report.labs.flatMap((l) =>
					l.shortlist.map((i) => [l.title, i.label, i.dots, i.proposals.join('; ')])
				)
			])
		);
	const c = report.charter;
	if (c)
		add(
			'charter.json',
			JSON.stringify(
				{
					title: c.title,
					status: c.status,
					version: c.version,
					outcomes: c.content.outcomes,
					// Organisations and roles only: contact names and emails stay with the council.
					parties: c.content.parties.map((p) => ({
						id: p.id,
						kind: p.kind,
						organisation: p.organisation,
						role: p.role
					})),
					commitments: c.content.commitments,
					standards: c.content.standards,
					review: c.review.rows.map((r) => ({
						item: r.label,
						party: r.party,
						status: r.latest?.status ?? null,
						note: r.latest?.note ?? null,
						date: r.latest?.date ?? null
					}))
				},
				null,
				1
			)
		);
	add('README.md', readme(report, digest, Object.keys(files).sort()));
	audit.record(db, actor, {
		action: 'report.export.open-data',
		entityType: 'engagement',
		entityId: report.engagement.id,
		after: { files: Object.keys(files).sort(), digest }
	});
	onStep('zip');
	// A fixed timestamp keeps the ZIP byte-for-byte the same for the same data.
	const mtime = new Date('2026-01-01T00:00:00Z');
	return zipSync(Object.fromEntries(Object.entries(files).map(([k, d]) => [k, [d, { mtime }]])), {
		level: 6
	});
}
