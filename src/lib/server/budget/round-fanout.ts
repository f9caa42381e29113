/**
 * Live fan-out of a room round's screen (its turnout and state) to the projectors showing it:
 * published after each change commits (a ballot cast in the round or leaving it, the round
 * closed, revealed or voided), so no projector asks the database again and again.
 */
import { createFanout } from '../live/fanout';

/** What a round's projector shows live: each event is the whole of it. */
export interface RoundScreen {
	turnout: number;
	status: 'open' | 'closed';
	revealed: boolean;
}

export const { subscribe, publish, listenerCount } = createFanout<number, RoundScreen>('round');
