/**
 * A command refused for a reason the person can fix (a name already taken, a vote that has
 * opened, a code already used): the one way a server command says no. It is thrown inside the
 * command's write transaction, so nothing the command wrote is kept, and the route turns it
 * into the form's error with `refused` (./refusal).
 *
 * - `field` names the form field to show the message by (`_` for the whole form).
 * - `message` is the English sentence, which staff pages show as it is.
 * - `reason` is a message key for pages residents read: the route looks the words up in the
 *   resident's language (English or Welsh) by the key, never by the English wording, so a
 *   change of wording cannot break the Welsh. `params` fill the message (`{ seconds }`).
 *
 * A leaf: server modules throw it without importing anything of SvelteKit.
 */
export type RefusalParams = Readonly<Record<string, string | number>>;

export class Refusal<R extends string = string> extends Error {
	readonly reason: R | undefined;
	readonly params: RefusalParams;

	constructor(
		readonly field: string,
		message: string,
		options: { reason?: R; params?: RefusalParams } = {}
	) {
		super(message);
		this.name = 'Refusal';
		this.reason = options.reason;
		this.params = options.params ?? {};
	}
}

/** Whether `e` is a refusal, and for this reason when one is named. */
export function isRefusal(e: unknown, reason?: string): e is Refusal {
	return e instanceof Refusal && (reason === undefined || e.reason === reason);
}
