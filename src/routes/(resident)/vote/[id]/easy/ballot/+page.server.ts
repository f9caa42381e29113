import type { Actions, PageServerLoad } from './$types';
import { loadMarks, saveMarks } from '../../steps.server';

export const load: PageServerLoad = (event) => loadMarks(event);

export const actions: Actions = {
	default: (event) => saveMarks(event, '/easy')
};
