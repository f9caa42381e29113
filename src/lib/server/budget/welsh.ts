/**
 * Everything a resident's ballot shows that staff typed, with no Welsh yet: the vote, its
 * proposals, and the catalogue's names of its services, the areas and the segments. Staff see
 * the list before they open a vote and before they print Welsh paper ballots.
 */
import { areaFields, segmentFields, serviceFields } from '../../catalogue/welsh';
import { welshGaps, type WelshField } from '../../i18n/welsh';
import { voteWelshFields } from '../../vote/welsh';
import * as catalogue from '../catalogue';
import type { DB } from '../db/open';
import type { Vote, VoteProposal } from './votes';

export function ballotWelshGaps(
	db: DB,
	vote: Vote,
	proposals: readonly VoteProposal[],
	more: readonly WelshField[] = []
): WelshField[] {
	const services = [...new Map(proposals.map((p) => [p.serviceId, p])).values()];
	return welshGaps([
		...voteWelshFields(vote, proposals),
		...serviceFields(
			services.map((p) => ({ id: p.serviceId, name: p.serviceName, nameCy: p.serviceNameCy }))
		),
		...areaFields(catalogue.listAreas(db)),
		...segmentFields(catalogue.listSegments(db)),
		...more
	]);
}
