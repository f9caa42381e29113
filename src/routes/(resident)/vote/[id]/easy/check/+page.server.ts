import type { Actions, PageServerLoad } from './$types';
import { castChecked, loadCheck } from '../../steps.server';

export const load: PageServerLoad = (event) => loadCheck(event);

export const actions: Actions = {
	default: (event) => castChecked(event, '/easy')
};
