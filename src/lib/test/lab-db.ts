/** Builders for the lab's server tests. */
import { staffUser, testDb, withCatalogue } from './db';
import * as catalogue from '../server/catalogue';
import { createLab } from '../server/lab/labs';

/** A fresh database with one open lab about libraries, run by a facilitator. */
export function libraryLab() {
	const db = withCatalogue(testDb());
	const staff = staffUser(db, 'facilitator');
	const actor = { id: staff.id, email: staff.email };
	const engagementId = catalogue.createEngagement(db, actor, {
		title: 'Libraries',
		serviceId: 'libraries'
	});
	const labId = createLab(db, actor, {
		engagementId,
		serviceId: 'libraries',
		title: 'Library ideas',
		prompts: ['What would make you use your library more?'],
		kinds: ['improvesOutcomes'],
		dotsPerParticipant: 5,
		maxDotsPerIdea: 2,
		rolesEnabled: true
	});
	return { db, labId };
}
