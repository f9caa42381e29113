import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	councilName: locals.councilName,
	user: locals.user
});
