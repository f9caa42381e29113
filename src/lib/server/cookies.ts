// Every cookie the app sets, for the cookie page: named from the constants the code sets them
// with, so the page cannot drift from what is really stored (cookies.test.ts checks no set call
// is missing from here).
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { KIOSK_COOKIE, KIOSK_COOKIE_MAX_AGE } from './budget/kiosks';
import { ROOM_COOKIE, ROOM_COOKIE_MAX_AGE } from './budget/rounds';
import { PARTICIPANT_COOKIE, PARTICIPANT_COOKIE_MAX_AGE } from './codes';
import { ABSOLUTE_MS, IDLE_MS, SESSION_COOKIE } from './session';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_MS } from './sign-in';

export type CookieLife =
	| { unit: 'days'; count: number }
	| { unit: 'hours'; count: number }
	| { unit: 'session'; idleHours: number; mostHours: number };

export interface CookieInfo {
	name: string;
	/** Message key of what it is for. */
	purpose: string;
	life: CookieLife;
	/** Residents' cookies, or those on council devices and for staff. */
	who: 'residents' | 'staff';
}

const HOUR_S = 60 * 60;
const DAY_S = 24 * HOUR_S;

function lifeOf(seconds: number): CookieLife {
	return seconds % DAY_S === 0
		? { unit: 'days', count: seconds / DAY_S }
		: { unit: 'hours', count: Math.round(seconds / HOUR_S) };
}

export const COOKIES: readonly CookieInfo[] = [
	{
		name: PARTICIPANT_COOKIE,
		purpose: 'cookie_participant',
		life: lifeOf(PARTICIPANT_COOKIE_MAX_AGE),
		who: 'residents'
	},
	{ name: cookieName, purpose: 'cookie_locale', life: lifeOf(cookieMaxAge), who: 'residents' },
	{
		name: ROOM_COOKIE,
		purpose: 'cookie_room',
		life: lifeOf(ROOM_COOKIE_MAX_AGE),
		who: 'residents'
	},
	{ name: KIOSK_COOKIE, purpose: 'cookie_kiosk', life: lifeOf(KIOSK_COOKIE_MAX_AGE), who: 'staff' },
	{
		name: SESSION_COOKIE,
		purpose: 'cookie_session',
		life: {
			unit: 'session',
			idleHours: IDLE_MS / (HOUR_S * 1000),
			mostHours: ABSOLUTE_MS / (HOUR_S * 1000)
		},
		who: 'staff'
	},
	{
		name: DEVICE_COOKIE,
		purpose: 'cookie_device',
		life: lifeOf(DEVICE_MAX_AGE_MS / 1000),
		who: 'staff'
	}
];
