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
 * - `fields` has a message for every field at fault when there are several (a sign-off missing
 *   two mitigations, a ballot over both limits): `field` with `message` and any others.
 * - `details` are the message's sentences one by one, for a page that lists every reason
 *   (a charter change the life cycle refuses for three reasons): by default the message.
 *
 * A leaf: server modules throw it without importing anything of SvelteKit.
 */
export type RefusalParams = Readonly<Record<string, string | number>>;

export class Refusal<R extends string = string> extends Error {
	readonly reason: R | undefined;
	readonly params: RefusalParams;
	readonly fields: Readonly<Record<string, string>>;
	readonly details: readonly string[];

	constructor(
		readonly field: string,
		message: string,
		options: {
			reason?: R;
			params?: RefusalParams;
			fields?: Readonly<Record<string, string>>;
			details?: readonly string[];
		} = {}
	) {
		super(message);
		this.name = 'Refusal';
		this.reason = options.reason;
		this.params = options.params ?? {};
		this.fields = { [field]: message, ...options.fields };
		this.details = options.details ?? [message];
	}
}

/** Whether `e` is a refusal, and for this reason when one is named. */
export function isRefusal(e: unknown, reason?: string): e is Refusal {
	return e instanceof Refusal && (reason === undefined || e.reason === reason);
}
