import { describe, expect, it } from 'vitest';
import { commentCounts, openComments, type ConsultationComment } from './consultation';

const comment = (id: string, status: ConsultationComment['status']): ConsultationComment => ({
	id,
	authorName: '',
	text: 'A comment',
	status,
	answer: status === 'answered' ? 'An answer' : '',
	createdAt: '2026-01-01T00:00:00.000Z',
	answeredAt: status === 'open' ? null : '2026-01-02T00:00:00.000Z',
	draftVersion: 1
});

const comments = [
	comment('a', 'open'),
	comment('b', 'answered'),
	comment('c', 'open'),
	comment('d', 'acknowledged')
];

describe('consultation comments', () => {
	it('lists the open ones, oldest first', () => {
		expect(openComments(comments).map((c) => c.id)).toEqual(['a', 'c']);
	});

	it('counts them by status', () => {
		expect(commentCounts(comments)).toEqual({ open: 2, answered: 1, acknowledged: 1 });
	});
});
