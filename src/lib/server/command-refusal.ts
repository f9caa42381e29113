/**
 * A command refused for a reason the person can fix (a name already taken, a vote that has
 * opened): thrown inside the command's write transaction, so nothing it wrote is kept, and
 * turned into the form's error by the route (`refused` in ./refusal). `field` names the form
 * field to show the message by (`_` for the whole form).
 *
 * A leaf: server modules throw it without importing anything of SvelteKit.
 */
export class Refusal extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}
