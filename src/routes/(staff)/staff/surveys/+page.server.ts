import { getDb } from '$lib/server/db';
import * as surveys from '$lib/server/survey/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ surveys: surveys.listSurveys(getDb(), new Date()) });
