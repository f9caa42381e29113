import { error } from '@sveltejs/kit';
import type { ProposalEvidence } from '$lib/decision/evidence';
import { getDb } from '$lib/server/db';
import { youSaidWeDid } from '$lib/server/decision/public';
import type { PageServerLoad } from './$types';

/** A saving as residents see it, with the groups that held it back (unions only if alone). */
function heldBack(p: ProposalEvidence, outcome: 'protects' | 'marginal') {
	const groups = p.groups.filter((g) => g.outcome === outcome).map((g) => g.group);
	const single = groups.filter((g) => !g.includes('+'));
	return {
		id: p.id,
		title: p.title,
		titleCy: p.titleCy,
		amount: p.amount,
		groups: single.length ? single : groups
	};
}

export const load: PageServerLoad = ({ params }) => {
	const id = Number(params.id);
	const page = Number.isInteger(id) && id > 0 ? youSaidWeDid(getDb(), id) : undefined;
	if (!page) error(404, 'Not found');
	const { evidence } = page;
	const proposals = evidence.vote?.proposals ?? [];
	return {
		engagement: page.engagement,
		activities: page.activities,
		said: {
			ballots: evidence.vote?.ballots ?? null,
			respondents: evidence.survey?.respondents ?? null,
			labs: evidence.labs.map((l) => ({ ideas: l.ideas, people: l.participants })),
			fixFirst: evidence.survey?.fixFirst ?? [],
			protected: proposals
				.filter((p) => p.decision === 'protected')
				.map((p) => heldBack(p, 'protects')),
			marginal: proposals
				.filter((p) => p.decision === 'marginal')
				.map((p) => heldBack(p, 'marginal')),
			labels: evidence.groupLabels
		},
		decision: page.decision,
		charter: page.charter
	};
};
