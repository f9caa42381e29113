/**
 * Live fan-out of board events to the screens watching a lab (projector, phones, the
 * facilitator's console). Events carry the lab's version, so a screen that misses one asks for
 * a fresh snapshot.
 */
import type { LiveEvent } from '../../lab/view';
import { createFanout } from '../live/fanout';

export const { subscribe, publish, listenerCount } = createFanout<number, LiveEvent>('lab');
