import * as paper from '$lib/server/budget/paper';
import * as results from '$lib/server/budget/results';
import * as rounds from '$lib/server/budget/rounds';
import * as kiosks from '$lib/server/budget/kiosks';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const voteId = Number(params.id);
	const count = results.countVote(db, voteId);
	return {
		reconciliation: results.reconcile(db, voteId),
		paper: paper.paperSummary(db, voteId),
		rounds: rounds.listRounds(db, voteId).map((r) => ({
			id: r.id,
			title: r.title,
			turnout: r.turnout,
			attendance: r.attendance,
			voided: r.voidedAt !== null
		})),
		kiosks: kiosks.listKiosks(db, voteId).map((k) => ({ label: k.label, ballots: k.ballots })),
		byChannel: count.proposals.map((p) => ({
			id: p.id,
			title: p.title,
			decision: p.decision,
			tallies: p.tallies.byChannel,
			overall: p.tallies.overall
		}))
	};
};
