// The ballot's steps, shared by the full ballot and the easy-read ballot: one way to load each
// page, save the marks, save the answers about the voter and cast the ballot. Only where each
// step leads differs (`path`: '' for the full ballot, '/easy' for easy read).
import { error, fail, redirect } from '@sveltejs/kit';
import {
	emptyBallot,
	parseBallot,
	parseMarks,
	parseProfile,
	toFormInput,
	validateContent
} from '$lib/vote/ballot';
import { formValues } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import * as ballots from '$lib/server/budget/ballots';
import { isRefusal } from '$lib/server/command-refusal';
import { getDb, write } from '$lib/server/db';
import { draftOf, requireVoting, votingContext, type VotingEvent } from './voting.server';

type PostEvent = VotingEvent & { request: Request };

/** Where a step leads: `/vote/<id>` then the path of the ballot's version, then the step. */
function to(voteId: number, path: string, step: string): string {
	return localizeHref(`/vote/${voteId}${path}${step}`);
}

/** The marks page: the draft so far, or an empty ballot. */
export function loadMarks(event: VotingEvent) {
	const ctx = votingContext(event);
	requireVoting(ctx);
	return { content: draftOf(ctx) ?? emptyBallot() };
}

/** Saves the marks and the services used into the draft, then the page about the voter. */
export async function saveMarks(event: PostEvent, path: string) {
	const values = formValues(await event.request.formData());
	const ctx = votingContext(event, true);
	const entry = requireVoting(ctx);
	const parsed = parseMarks(values, ballots.ballotContext(ctx.db, ctx.vote));
	if (!parsed.ok) return fail(400, { values, errors: parsed.errors, limits: parsed.limits });
	const before = draftOf(ctx) ?? emptyBallot();
	ballots.saveDraft(ctx.db, ctx.vote.id, entry.draftKey!, {
		...before,
		marks: parsed.marks,
		uses: parsed.uses,
		notUses: parsed.notUses
	});
	redirect(303, to(ctx.vote.id, path, '/about-you'));
}

/** The page about the voter: the marks come first, so a browser that skipped them goes back. */
export function loadProfile(event: VotingEvent, path: string) {
	const ctx = votingContext(event);
	requireVoting(ctx);
	const content = draftOf(ctx);
	if (!content) redirect(303, to(ctx.vote.id, path, '/ballot'));
	return { content };
}

/** Saves the answers about the voter into the draft, then the page to check the ballot. */
export async function saveProfile(event: PostEvent, path: string) {
	const values = formValues(await event.request.formData());
	const ctx = votingContext(event, true);
	const entry = requireVoting(ctx);
	const parsed = parseProfile(values, ballots.ballotContext(ctx.db, ctx.vote));
	if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
	const before = draftOf(ctx) ?? emptyBallot();
	ballots.saveDraft(ctx.db, ctx.vote.id, entry.draftKey!, { ...before, profile: parsed.profile });
	redirect(303, to(ctx.vote.id, path, '/check'));
}

/**
 * The page to check the ballot. Nothing filled in yet (or a post that failed before any page was
 * saved): it says so, rather than redirecting, so that a refused submission still shows why.
 */
export function loadCheck(event: VotingEvent) {
	const ctx = votingContext(event);
	requireVoting(ctx);
	const content = draftOf(ctx);
	if (!content) return { content: null, fields: {}, problems: null };
	const checked = validateContent(content, ballots.ballotContext(ctx.db, ctx.vote));
	return {
		content,
		fields: toFormInput(content),
		problems: checked.ok ? null : { errors: checked.errors, limits: checked.limits }
	};
}

/**
 * Casts the ballot exactly as the resident checked it: the page sends every answer, so what
 * was on the screen is what is counted. The same rules as every other channel apply.
 */
export async function castChecked(event: PostEvent, path: string) {
	const values = formValues(await event.request.formData());
	const voteId = Number(event.params.id);
	let outcome;
	try {
		// One IMMEDIATE transaction for everything the submission reads and writes: all or
		// nothing (a refused ballot leaves nothing behind), and SQLite takes its locks once
		// rather than for every statement on its own.
		outcome = write(getDb(), (tx) => {
			const ctx = votingContext(event, true, false, new Date(), tx);
			const entry = requireVoting(ctx);
			const context = ballots.ballotContext(tx, ctx.vote);
			const parsed = parseBallot(values, context);
			if (!parsed.ok) return { refused: parsed, cast: null };
			const cast = ballots.castBallotIn(tx, {
				voteId: ctx.vote.id,
				voter: entry.voter!,
				channel: entry.channel,
				roundId: entry.roundId,
				kioskId: entry.kioskId,
				content: parsed.content,
				draftKey: entry.draftKey,
				context
			});
			return { refused: null, cast };
		});
	} catch (e) {
		// The page shows the ballot's problems by field (message keys, with the limits' numbers).
		if (isRefusal(e, 'invalid')) return fail(400, ballots.ballotProblems(e.params));
		if (isRefusal(e, 'codeUsed'))
			return fail(409, { errors: { _: 'err_vote_code_used' }, limits: {} });
		// Closed, or the room round filled up meanwhile: the front page says which.
		if (isRefusal(e, 'closed') || isRefusal(e, 'notOpen') || isRefusal(e, 'roundFull'))
			redirect(303, to(voteId, path, ''));
		throw e;
	}
	const { refused, cast } = outcome;
	if (refused) return fail(400, { errors: refused.errors, limits: refused.limits });
	redirect(303, to(voteId, path, `/done?ref=${cast.receipt}`));
}

/** The page after casting: the receipt in the address, if it is one of this vote's. */
export function loadReceipt(event: VotingEvent) {
	const ctx = votingContext(event);
	const ref = ballots.normaliseReceipt(event.url.searchParams.get('ref') ?? '').slice(0, 20);
	const found = ref ? ballots.findReceipt(ctx.db, ctx.vote.id, ref) : undefined;
	if (!found) error(404, 'Receipt not found');
	return {
		receipt: ballots.formatReceipt(ref),
		changed: found.version > 1,
		current: found.current,
		channel: found.channel
	};
}
