import { getDb } from '$lib/server/db';
import * as codes from '$lib/server/codes';
import * as responses from '$lib/server/survey/responses';
import { locale, publicSurvey, surveyHead } from '../../resident';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies, url }) => {
	const s = publicSurvey(params.id);
	const db = getDb();
	const participant = codes.participantFor(db, cookies, url.protocol === 'https:', false);
	const draft = participant ? responses.findDraft(db, s.id, participant.id) : undefined;
	return {
		survey: surveyHead(s, locale()),
		submitted: draft?.submitted ?? false
	};
};
