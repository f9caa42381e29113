// Words the staff survey pages show in the browser (no server imports here).
type Access = 'open' | 'code' | 'both';

export const ACCESS_LABELS: Record<Access, string> = {
	open: 'Anyone with the link (one response per browser)',
	code: 'Only with a participation code from the engagement’s letters',
	both: 'Both: anyone with the link, and codes from letters'
};
