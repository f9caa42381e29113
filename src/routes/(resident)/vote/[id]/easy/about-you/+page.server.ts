import type { Actions, PageServerLoad } from './$types';
import { loadProfile, saveProfile } from '../../steps.server';

export const load: PageServerLoad = (event) => loadProfile(event, '/easy');

export const actions: Actions = {
	default: (event) => saveProfile(event, '/easy')
};
