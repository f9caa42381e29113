/**
 * Responses for requests refused before they reach a route (a form from another address, a
 * body that cannot be read, a page that needs signing in): the same plain page SvelteKit shows
 * for an error it cannot render in the layout (src/error.html), or JSON in the shape the
 * asking code understands. Built here rather than thrown, so that the security hook adds its
 * headers to them like to every other response.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import template from '../../error.html?raw';
import { Refusal, type RefusalParams } from './command-refusal';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The plain error page (src/error.html) with this status and message. */
export function plainPage(status: number, message: string): Response {
	const html = template
		.replaceAll('%sveltekit.status%', String(status))
		.replaceAll('%sveltekit.error.message%', escapeHtml(message));
	return new Response(html, {
		status,
		headers: { 'Content-Type': 'text/html; charset=utf-8' }
	});
}

/** Whether the client asked for JSON rather than a page (as SvelteKit decides it). */
function wantsJson(request: Request): boolean {
	const accept = request.headers.get('accept') ?? '';
	const json = accept.indexOf('application/json');
	const html = accept.indexOf('text/html');
	return json >= 0 && (html < 0 || json < html);
}

/**
 * Refuses a request with `status` and a message that says what to do. A form sent by
 * `use:enhance` gets an action result of type "error" (so the page shows the message), a
 * script asking for JSON gets `{ message }`, and a browser gets the plain page.
 */
export function refuse(event: Pick<RequestEvent, 'request'>, status: number, message: string) {
	const { request } = event;
	if (wantsJson(request)) {
		const body =
			request.method === 'POST' ? { type: 'error', status, error: { message } } : { message };
		return new Response(JSON.stringify(body), {
			status,
			headers: { 'Content-Type': 'application/json' }
		});
	}
	return plainPage(status, message);
}

/**
 * The form's answer to a command that refused: a {@link Refusal} becomes
 * `fail(400, { ...form, errors })`, a message beside each field at fault (usually one), with
 * `form` the rest the page shows again (the values sent, which action); anything else is
 * thrown on.
 *
 * - `field` names the field on this page when it differs from the command's (`_`, the whole
 *   form, for a field the page has no input for).
 * - `say` gives a resident page's words for each reason the command can refuse with, in the
 *   resident's language (messages looked up by key). A refusal without a reason, or with one
 *   the page has no words for, shows its English message: staff pages pass no `say`.
 */
export function refused<F extends Record<string, unknown>>(
	e: unknown,
	form: F = {} as F,
	options: {
		field?: (field: string) => string;
		say?: Readonly<Record<string, (params: RefusalParams) => string>>;
	} = {}
) {
	if (!(e instanceof Refusal)) throw e;
	const fieldOf = options.field ?? ((field: string) => field);
	const errors: Record<string, string> = {};
	for (const [field, message] of Object.entries(e.fields)) errors[fieldOf(field)] = message;
	const words = e.reason !== undefined ? options.say?.[e.reason] : undefined;
	if (words) errors[fieldOf(e.field)] = words(e.params);
	return fail(400, { ...form, errors });
}
