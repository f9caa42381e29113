import type { WelshField } from '../i18n/welsh';
import type { Prompt } from './view';

/** What a lab shows phones that staff typed: its title and its prompts. */
export function labWelshFields(lab: {
	title: string;
	titleCy: string | null;
	prompts: readonly Prompt[];
}): WelshField[] {
	return [
		{ label: 'Lab title', en: lab.title, cy: lab.titleCy, href: '#welsh' },
		...lab.prompts.map((p, i) => ({
			label: `Prompt ${i + 1}`,
			en: p.text,
			cy: p.textCy,
			href: '#welsh'
		}))
	];
}
