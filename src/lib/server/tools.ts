// The four tools, in the order of the pipeline, written once: the engagement page lists their
// steps in this order, the home page their activities, and the demo seeds them in it (the
// lab's shortlist becomes proposals in the vote; the charter links to all three).
import { tool as charter } from './charter/tool';
import { tool as lab } from './lab/tool';
import { tool as survey } from './survey/tool';
import type { Tool } from './tool';
import { tool as vote } from './budget/tool';

export const TOOLS: readonly Tool[] = [survey, lab, vote, charter];
