import { priorityChart, QUADRANT_LABELS } from '$lib/survey/priority';
import type { CrossTable } from '$lib/survey/results';
import type { MeanCell, ShareCell } from '$lib/survey/statistics';
import { surveyState } from '$lib/survey/status';
import { SUPPRESSION_MIN_N } from '$lib/survey/suppression';
import { getDb } from '$lib/server/db';
import * as results from '$lib/server/survey/results';
import { surveyOf, weightingOf } from '../../staff';
import type { PageServerLoad } from './$types';

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
const dec = (v: number | null) => (v === null ? '–' : v.toFixed(2));

/** A figure as staff see it: with its n, flagged when too small to publish. */
function share(c: ShareCell) {
	return { text: pct(c.share), n: c.n, small: c.n < SUPPRESSION_MIN_N };
}
function mean(c: MeanCell) {
	return {
		text: dec(c.mean),
		ci: c.ciLow === null || c.ciHigh === null ? null : `${dec(c.ciLow)} to ${dec(c.ciHigh)}`,
		n: c.n,
		small: c.n < SUPPRESSION_MIN_N
	};
}

export const load: PageServerLoad = ({ params, url }) => {
	const s = surveyOf(params.id);
	const weighting = weightingOf(url);
	const { analysis: a, names } = results.analyse(getDb(), s, { weighting });
	const service = (id: string) => names.services[id] ?? id;
	const table = (t: CrossTable, label: (id: string) => string) => ({
		services: t.serviceIds.map(service),
		rows: t.groupIds.map((g, i) => ({
			id: g,
			label: label(g),
			respondents: t.respondents[i],
			cells: t.cells[i].map((c) => ({
				willing: share(c.willing),
				contributing: share(c.contributing)
			}))
		}))
	});
	const rep = (rows: typeof a.representativeness.byArea, label: (id: string) => string) =>
		rows.map((r) => ({
			label: label(r.id),
			n: r.n,
			share: pct(r.share),
			population: r.population,
			populationShare: pct(r.populationShare),
			ratio: r.ratio === null ? '–' : r.ratio.toFixed(2)
		}));
	return {
		survey: {
			id: s.id,
			title: s.title,
			state: surveyState(s, new Date()),
			published: s.publishedAt !== null
		},
		weighting,
		minN: SUPPRESSION_MIN_N,
		respondents: a.respondents,
		quadrantLabels: QUADRANT_LABELS,
		chart: priorityChart(a.priority, service),
		services: a.services.map((r) => {
			const quadrant = a.priority.services.find((p) => p.serviceId === r.serviceId)?.quadrant;
			return {
				id: r.serviceId,
				name: service(r.serviceId),
				importance: mean(r.importance),
				dontKnow: share(r.importanceDontKnow),
				satisfaction: mean(r.satisfaction),
				dontUse: share(r.satisfactionDontUse),
				contributing: share(r.contributing),
				willing: share(r.willing),
				willingALot: share(r.willingALot),
				kinds: {
					informal: share(r.contributionKinds.informal),
					volunteer: share(r.contributionKinds.volunteer),
					organise: share(r.contributionKinds.organise),
					other: share(r.contributionKinds.other)
				},
				quadrant: quadrant ? QUADRANT_LABELS[quadrant] : 'Not placed'
			};
		}),
		bySegment: table(a.community.bySegment, (id) => names.segments[id] ?? id),
		byArea: table(a.community.byArea, (id) => names.areas[id] ?? id),
		readout: a.readout.sentences,
		representativeness: {
			areas: rep(a.representativeness.byArea, (id) => names.areas[id] ?? id),
			areaNotStated: a.representativeness.areaNotStated,
			ages: rep(a.representativeness.byAgeBand, (id) => names.ageBands[id] ?? id),
			ageNotStated: a.representativeness.ageBandNotStated
		},
		weightingReport: a.weighting
			? {
					cap: a.weighting.cap,
					cappedCells: a.weighting.cappedCells,
					cappedResponses: a.weighting.cappedResponses,
					unweighted: a.weighting.unweightedResponses,
					cells: a.weighting.cells.map((c) => ({
						label: `${names.areas[c.area] ?? c.area}${c.ageBand ? `, ${names.ageBands[c.ageBand] ?? c.ageBand}` : ''}`,
						responses: c.responses,
						population: c.population,
						weight: c.weight.toFixed(2),
						capped: c.capped
					}))
				}
			: null
	};
};
