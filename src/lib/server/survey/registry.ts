// How the survey plugs into the shared pages: what residents can open, the engagement page's
// step, and the demo seed. Filled in by the survey tool.
import type { ActivitySource } from '../activities';
import type { StepSource } from '../steps';
import type { ToolSeed } from '../seed/types';

export const activities: ActivitySource = () => [];
export const step: StepSource | undefined = undefined;
export const seedDemo: ToolSeed = () => {};
