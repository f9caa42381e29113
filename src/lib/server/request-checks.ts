/**
 * Checks on a state-changing request before any route sees it: that it comes from the app's own
 * pages, and that its form body can be read at all.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a request's Origin header is the app's own origin. On a computer's own loopback
 * address, `localhost`, `127.0.0.1` and `[::1]` on the same port are one place: `npm start`
 * prints both spellings and a person may open either, and no other site can be served there.
 */
export function sameOrigin(origin: string | null, appOrigin: string): boolean {
	if (!origin) return false;
	if (origin === appOrigin) return true;
	let given: URL;
	let own: URL;
	try {
		given = new URL(origin);
		own = new URL(appOrigin);
	} catch {
		return false;
	}
	return (
		LOOPBACK.has(own.hostname) &&
		LOOPBACK.has(given.hostname) &&
		given.protocol === own.protocol &&
		given.port === own.port
	);
}

/** The message for a form posted from another address, saying where to go instead. */
export function crossSiteMessage(origin: string | null, appOrigin: string): string {
	const from = origin && origin !== 'null' ? `a page at ${origin}` : 'a page on another site';
	return (
		`This form was sent from ${from}, not from ${appOrigin}, so it was not accepted. ` +
		`Open ${appOrigin} in your browser and send the form again from there.`
	);
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const UNREADABLE_FORM =
	'The form could not be read, so nothing was changed. Go back, reload the page and send it again.';

export interface FormProblem {
	status: number;
	message: string;
}

/**
 * Why a form post cannot be read, or null when it can: the body must be URL-encoded or
 * multipart, and multipart must parse (boundary, parts) within the body size limit. URL-encoded
 * bodies always parse. Reads a clone, so the action still reads the body itself.
 */
export async function formProblem(request: Request): Promise<FormProblem | null> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return { status: 400, message: UNREADABLE_FORM };
	if (type === 'multipart/form-data') {
		try {
			await request.clone().formData();
		} catch (e) {
			// adapter-node ends a body over BODY_SIZE_LIMIT with a 413 error.
			if ((e as { status?: number })?.status === 413)
				return {
					status: 413,
					message:
						'The form was too large to send, so nothing was changed. Go back and choose a smaller file.'
				};
			return { status: 400, message: UNREADABLE_FORM };
		}
	}
	return null;
}
