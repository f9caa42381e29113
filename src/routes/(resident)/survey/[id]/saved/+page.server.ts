import { locale, publicSurvey, surveyHead } from '../../resident';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const s = publicSurvey(params.id);
	return { survey: surveyHead(s, locale()) };
};
