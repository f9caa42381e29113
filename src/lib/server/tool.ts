// The contract every tool implements: what residents can open, what the engagement page lists,
// what staff set and download, and the demo. It imports nothing of the tools, so the tools can
// import it and the shared pages can list the tools without a circle (tools.ts lists them).
import type { z } from 'zod';
import type { DB } from './db/open';
import type { ToolSeed } from './seed/types';

export type { SeedContext, ToolSeed } from './seed/types';

/** The four tools, by the name their activities and steps carry. */
export type ToolKind = 'survey' | 'lab' | 'vote' | 'charter';

/** Something a resident can take part in now: a survey, a vote, a lab, a charter to comment on. */
export interface Activity {
	kind: ToolKind;
	engagementId: number;
	/** Where the resident goes (without the language prefix). */
	href: string;
	title: string;
	titleCy?: string | null;
	/** When it closes, if it has a closing date. */
	closesAt?: Date | null;
	/** Whether a participation code from this engagement's letters opens it. */
	acceptsCodes: boolean;
	/** What a code is spent on here (`vote:3`), for activities that take codes. */
	codeUse?: string;
}

/** Something that has finished, and where its published outcome can be read. */
export interface ClosedActivity {
	kind: Exclude<ToolKind, 'charter'>;
	engagementId: number;
	title: string;
	titleCy?: string | null;
	/** When it closed, as far as the tool knows. */
	closedAt: Date;
	/** The published results (or outcome) page; null while they are still being prepared. */
	resultsHref: string | null;
}

/** One survey, lab, vote or charter of an engagement, as the engagement page lists it. */
export interface StepItem {
	label: string;
	href: string;
	status: string;
}

/** A file staff can download for one of a tool's items. */
export interface ToolExport {
	/** What the file holds, for staff. */
	label: string;
	/** Where it is served, for the item with this id. */
	href: (id: number) => string;
}

/**
 * A tool's manifest (after Decidim's component manifests, without the plugin machinery): its
 * name and purpose, its settings and exports as data, and the functions the shared pages call.
 * Time is an argument: a tool never reads the clock.
 */
export interface Tool {
	kind: ToolKind;
	/** Its name on the engagement page, in the API and in the report. */
	title: string;
	/** What it is for, in a line. */
	purpose: string;
	/** What staff set when they start one, as the form's schema. */
	settings: z.ZodType;
	/** The files staff can download for each item. */
	exports: readonly ToolExport[];
	/** Where staff start a new one for the engagement. */
	newHref: (engagementId: number) => string;
	/** What residents can take part in now. */
	open: (db: DB, now: Date) => Activity[];
	/** What has finished, with where its outcome is read; a charter is never finished. */
	closed?: (db: DB, now: Date) => ClosedActivity[];
	/** What it has for an engagement, for the engagement page's list of steps. */
	items: (db: DB, engagementId: number, now: Date) => StepItem[];
	/** Its demo content, on the demo council's engagements. */
	seedDemo: ToolSeed;
}
