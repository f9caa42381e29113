/**
 * Coming back to something already done: a ballot already cast with this code (or from this
 * browser), a survey already started with it on another device.
 *
 * The person at the keyboard is told that answers exist, and when, but never shown them
 * without asking first: a household's code, a shared family computer or a library PC can put
 * someone in front of another person's ballot, including their answers about disability,
 * health or ethnicity.
 *
 * For a household code we go further and never show the earlier answers at all. A household
 * code is shared by design, so the server cannot know whether the person now at the keyboard
 * is the one who voted; a ballot is secret, and a household is exactly where pressure to show
 * how you voted (a partner, a parent, a carer) is most likely. The cost is small: they start a
 * fresh ballot, which replaces the earlier one, as the letter says. A code for one person, or
 * a browser's own anonymous token, belongs to one voter, so after they confirm they see their
 * marks to change them.
 */

/** Who a code was printed for; null when there is no code (an open vote, this browser's token). */
export type CodeUnit = 'household' | 'person' | null;

/** `askFirst`: show the earlier answers once the person confirms; `never`: do not show them. */
export type EarlierAnswers = 'askFirst' | 'never';

export function earlierAnswers(unit: CodeUnit): EarlierAnswers {
	return unit === 'household' ? 'never' : 'askFirst';
}
