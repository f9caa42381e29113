import type { ActionData, PageData } from './$types';

/** What the console's panels are given: the page's data, and the form last sent. */
export interface ConsoleProps {
	data: PageData;
	form: ActionData;
	errors: Record<string, string> | undefined;
	values: Record<string, string>;
}

/** An idea or label cut to fit a line or a menu. */
export const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
