import { error } from '@sveltejs/kit';
import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** A proposal's picture. Draft votes' pictures are for staff previews too, so no status check. */
export const GET: RequestHandler = ({ params }) => {
	const image = votes.proposalImageOf(getDb(), Number(params.id), Number(params.proposal));
	if (!image) error(404, 'Image not found');
	return new Response(new Uint8Array(image.bytes), {
		headers: {
			'Content-Type': image.mime,
			'Cache-Control': 'public, max-age=300',
			'Content-Security-Policy': "default-src 'none'"
		}
	});
};
