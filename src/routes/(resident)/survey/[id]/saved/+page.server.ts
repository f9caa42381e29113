import { locale, publicSurvey, titleOf } from '../../resident';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const s = publicSurvey(params.id);
	return { survey: { id: s.id, title: titleOf(s, locale()) } };
};
