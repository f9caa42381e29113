/**
 * Open data for an engagement: one ZIP anyone can download from the report and publish. It
 * holds anonymised, suppressed tables, the vote as anonymised ballots (JSON, recountable with
 * the CLI) and as Pabulib, the rules, and a README saying how to recount. No codes, tokens,
 * receipts, names or times; nobody's service use or group membership (special-category answers
 * among them) at ballot level: those are published only as totals per group.
 */
import { zipSync, strToU8 } from 'fflate';
import { csvFile } from '../../csv/csv';
import * as audit from '../audit';
import { csvExport, pabulibExport, prepareExport } from '../budget/exports';
import type { DB } from '../db/open';
import { prioritiesCsv } from './priorities-export';
import type { EngagementReport } from './report';

function readme(report: EngagementReport, digest: string | null, files: string[]): string {
	const v = report.vote;
	return [
		`# Open data: ${report.engagement.title}`,
		'',
		`Published by the council with Co-Commission. Service: ${report.engagement.serviceName}.`,
		'',
		'## Files',
		...files.map((f) => `- \`${f}\``),
		'',
		'Every table suppresses figures from fewer than 10 ballots or responses. Nothing here',
		'identifies a person: no participation codes, tokens, receipts, names or times, and',
		"nobody's service use or groups (special-category answers among them) except as totals.",
		'',
		...(v
			? [
					'## Recount the vote',
					'',
					'With the Co-Commission source code (Node 22.17 or later):',
					'',
					'```sh',
					'npm install',
					'npx co-commission-count vote.pb --json',
					'```',
					'',
					`The printed \`digest\` is \`${digest}\`, the digest on the official results page,`,
					'and the decisions are the official ones (counting rules version 2). `vote-ballots.json`',
					'is the same input as a scenario file (`npx co-commission-count vote-ballots.json` gives',
					'the same digest).',
					'',
					'`vote.pb` is in the Pabulib format (pabulib.org): each proposal is a project costing its',
					'amount, each voter approves the proposals they marked Want, and Pabulib tools read it as',
					"an approval vote. Extra columns carry the rest: `dont_want` (proposals marked Don't",
					'want), `neighborhood` (area), `voting_method` (channel) and `assured` (1 for a ballot',
					'backed by a participation code or checked by staff); META holds the rules, the segments',
					"' names and `groups`.",
					'',
					"Nobody's service use or group membership (disability, health, ethnicity and religion",
					'among them) is published ballot by ballot. The count takes every group as totals',
					"(`groups` in META: for each proposal, the ballots, wants and don't-wants of each group",
					'and each combination of the groups declared as depending on it, among all ballots and',
					'among assured ones), which is all that minority protection needs, so the recount repeats',
					'every protection decision.',
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
					r.importance.n
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
