import { m } from '$lib/paraglide/messages';

type MessageFn = (params?: Record<string, unknown>) => string;

/**
 * Resident form errors arrive as message keys (`err_code_required`) so that the same schema
 * answers in English and Welsh. Staff errors are plain English and pass through unchanged.
 */
export function translate(keyOrText: string, params?: Record<string, unknown>): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[keyOrText];
	return typeof fn === 'function' ? fn(params) : keyOrText;
}
