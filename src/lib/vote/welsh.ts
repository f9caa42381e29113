import type { WelshField } from '../i18n/welsh';

/**
 * What a community budget vote shows residents that staff typed: the vote's title and
 * description and each proposal's. Service, area and segment names come from the catalogue
 * (catalogue/welsh.ts).
 */
export function voteWelshFields(
	v: {
		id: number;
		title: string;
		titleCy: string | null;
		description: string;
		descriptionCy: string | null;
	},
	proposals: readonly {
		id: number;
		title: string;
		titleCy: string | null;
		description: string;
		descriptionCy: string | null;
		easyRead?: string | null;
		easyReadCy?: string | null;
	}[]
): WelshField[] {
	const settings = `/staff/votes/${v.id}/settings`;
	return [
		{ label: 'Vote title', en: v.title, cy: v.titleCy, href: settings },
		{ label: 'Vote description', en: v.description, cy: v.descriptionCy, href: settings },
		...proposals.flatMap((p, i) => {
			const href = `/staff/votes/${v.id}/proposals/${p.id}`;
			return [
				{ label: `Proposal ${i + 1}: title`, en: p.title, cy: p.titleCy, href },
				{ label: `Proposal ${i + 1}: description`, en: p.description, cy: p.descriptionCy, href },
				{
					label: `Proposal ${i + 1}: easy-read summary`,
					en: p.easyRead ?? '',
					cy: p.easyReadCy,
					href
				}
			];
		})
	];
}
