// npm run admin:create -- <email> "<name>"
// Makes an admin account. The password is read from ADMIN_PASSWORD or asked for on the terminal
// (never taken from the command line, where it would stay in the shell's history).
import { createInterface } from 'node:readline/promises';
import { CreateAccountSchema } from '../src/lib/accounts/schemas';
import { createAccount } from '../src/lib/server/accounts';
import { isRefusal } from '../src/lib/server/command-refusal';
import * as config from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/open';
import { hashPassword } from '../src/lib/server/password';

const [email, name] = process.argv.slice(2);
let password = process.env.ADMIN_PASSWORD;
if (!password) {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	password = await rl.question('Password (12 to 128 characters): ');
	rl.close();
}
const parsed = CreateAccountSchema.safeParse({
	email,
	name: name ?? email,
	role: 'admin',
	password
});
if (!parsed.success) {
	for (const issue of parsed.error.issues)
		console.error(`${issue.path.join('.')}: ${issue.message}`);
	console.error(
		'Usage: npm run admin:create -- <email> "<name>"  (password from ADMIN_PASSWORD or the prompt)'
	);
	process.exit(2);
}
const db = openDatabase(config.databaseUrl());
try {
	const { password: plain, ...rest } = parsed.data;
	const id = createAccount(
		db,
		{ id: null, email: 'admin:create' },
		{ ...rest, passwordHash: await hashPassword(plain) }
	);
	console.log(`Admin account ${parsed.data.email} created (id ${id}).`);
} catch (e) {
	if (isRefusal(e)) {
		console.error(e.message);
		process.exit(2);
	}
	throw e;
} finally {
	db.$client.close();
}
