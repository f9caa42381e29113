import { error } from '@sveltejs/kit';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { publishedAnalysis } from '$lib/survey/analyse';
import { priorityChart, type Quadrant } from '$lib/survey/priority';
import type { CrossTable } from '$lib/survey/results';
import type { ShareCell } from '$lib/survey/statistics';
import { getDb } from '$lib/server/db';
import * as results from '$lib/server/survey/results';
import { locale, publicSurvey, surveyHead } from '../../resident';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const s = publicSurvey(params.id);
	if (!s.publishedAt) error(404, 'Results not published');
	const lang = locale();
	const { analysis, names } = results.analyse(getDb(), s, {
		weighting: s.publishedWeighting,
		locale: lang
	});
	const a = publishedAnalysis(analysis);
	const pct = (v: number) => formatPercent(v, lang);
	const decimal = (v: number) => formatNumber(v, lang, 1);
	const share = (c: ShareCell) => (c.share === null ? null : pct(c.share));
	const service = (id: string) => names.services[id] ?? id;
	const quadrantLabels: Record<Quadrant, string> = {
		fixFirst: m.survey_quadrant_fix_first(),
		keep: m.survey_quadrant_keep(),
		rethink: m.survey_quadrant_rethink(),
		watch: m.survey_quadrant_watch()
	};
	const quadrantHints: Record<Quadrant, string> = {
		fixFirst: m.survey_quadrant_fix_first_hint(),
		keep: m.survey_quadrant_keep_hint(),
		rethink: m.survey_quadrant_rethink_hint(),
		watch: m.survey_quadrant_watch_hint()
	};
	const table = (t: CrossTable, label: (id: string) => string) => ({
		services: t.serviceIds.map(service),
		rows: t.groupIds.map((g, i) => ({
			id: g,
			label: label(g),
			cells: t.cells[i].map((c) => ({ willing: share(c.willing), n: c.willing.n }))
		}))
	});
	const { mapIt, focusIt, peopleIt } = a.readout;
	return {
		survey: surveyHead(s, lang),
		respondents: a.respondents,
		weightingCap: a.weighting ? a.weighting.cap : null,
		quadrantLabels,
		chart: priorityChart(a.priority, service),
		services: a.services.map((r) => {
			const point = a.priority.services.find((p) => p.serviceId === r.serviceId);
			return {
				id: r.serviceId,
				name: service(r.serviceId),
				importance: r.importance.mean === null ? null : decimal(r.importance.mean),
				satisfaction: r.satisfaction.mean === null ? null : decimal(r.satisfaction.mean),
				n: Math.max(r.importance.n, r.satisfaction.n),
				quadrant: point?.quadrant ? quadrantLabels[point.quadrant] : null,
				quadrantHint: point?.quadrant ? quadrantHints[point.quadrant] : null,
				contributing: share(r.contributing),
				contributingN: r.contributing.n,
				willing: share(r.willing),
				willingN: r.willing.n
			};
		}),
		bySegment: table(a.community.bySegment, (id) => names.segments[id] ?? id),
		byArea: table(a.community.byArea, (id) => names.areas[id] ?? id),
		who: {
			areas: a.representativeness.byArea.map((r) => ({
				label: names.areas[r.id] ?? r.id,
				n: r.n,
				share: r.suppressed || r.share === null ? null : pct(r.share),
				population: r.populationShare === null ? null : pct(r.populationShare)
			})),
			ages: a.representativeness.byAgeBand.map((r) => ({
				label: names.ageBands[r.id] ?? r.id,
				n: r.n,
				share: r.suppressed || r.share === null ? null : pct(r.share),
				population: r.populationShare === null ? null : pct(r.populationShare)
			}))
		},
		readout: {
			mapIt: mapIt.ranked
				.slice(0, 3)
				.map((e) =>
					m.survey_map_item({ service: service(e.serviceId), share: pct(e.contributing), n: e.n })
				),
			focusIt: focusIt.services
				.filter((f) => f.highWillingness)
				.map((f) =>
					m.survey_focus_item({
						service: service(f.serviceId),
						importance: decimal(f.importance),
						satisfaction: decimal(f.satisfaction),
						share: pct(f.willing)
					})
				),
			peopleIt: peopleIt.flatMap((p) => {
				const groups = [
					...p.segments.map((g) => `${names.segments[g.groupId] ?? g.groupId} (${pct(g.willing)})`),
					...p.areas.map(
						(g) =>
							`${m.survey_people_area({ area: names.areas[g.groupId] ?? g.groupId })} (${pct(g.willing)})`
					)
				];
				return p.overall === null || groups.length === 0
					? []
					: [
							m.survey_people_item({
								service: service(p.serviceId),
								groups: groups.join('; '),
								share: pct(p.overall)
							})
						];
			})
		}
	};
};
