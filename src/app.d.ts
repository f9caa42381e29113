import type { Session, SessionUser } from '$lib/server/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			councilName: string;
		}
		interface Error {
			message: string;
			/** Quoted to support staff so they can find the log line; never a stack trace. */
			reference?: string;
		}
	}
}

export {};
