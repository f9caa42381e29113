import { eq, sql } from 'drizzle-orm';
import type { DB } from './db/open';
import { prepared } from './db/prepared';
import { setting } from './db/schema';

const DEFAULT_COUNCIL = 'Your Council';

/** The council's name for every header: COUNCIL_NAME (config.councilName) if set, else what the admin saved. */
export function councilName(db: DB, envName?: string): string {
	if (envName) return envName;
	return (
		prepared(db, 'settings.councilName', (d) =>
			d
				.select({ value: setting.value })
				.from(setting)
				.where(eq(setting.key, sql.placeholder('key')))
				.prepare()
		).get({ key: 'councilName' })?.value ?? DEFAULT_COUNCIL
	);
}

/**
 * Where residents write about their data and about accessibility, for the privacy notices and
 * the accessibility statement: the addresses `set` in the environment (config.contactEmails)
 * if any, else what was saved; null when neither (the pages then point to the council's main
 * website).
 */
export function councilContacts(
	db: DB,
	set: { privacy?: string; accessibility?: string } = {}
): { privacy: string | null; accessibility: string | null } {
	const saved = (key: string) =>
		db.select({ value: setting.value }).from(setting).where(eq(setting.key, key)).get()?.value ??
		null;
	return {
		privacy: set.privacy || saved('privacyEmail'),
		accessibility: set.accessibility || saved('accessibilityEmail')
	};
}

export function setSetting(db: DB, key: string, value: string): void {
	db.insert(setting)
		.values({ key, value, updatedAt: new Date() })
		.onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } })
		.run();
}
