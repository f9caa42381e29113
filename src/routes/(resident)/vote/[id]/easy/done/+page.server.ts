import type { PageServerLoad } from './$types';
import { loadReceipt } from '../../steps.server';

export const load: PageServerLoad = (event) => loadReceipt(event);
