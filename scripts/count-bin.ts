#!/usr/bin/env node
/**
 * The recount command (`co-commission-count`, `npm run count`): runs scripts/count.ts on the
 * process's arguments. Built to plain JavaScript (dist/count.js, by `npm run build:count`) so it
 * starts as fast as Node does, with no TypeScript loader at run time; Node's compile cache is
 * switched on before the count's code loads, so later runs skip compiling it.
 */
import module from 'node:module';

module.enableCompileCache?.();
const { runCli } = await import('./count');
const r = await runCli(process.argv.slice(2));
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.code;
