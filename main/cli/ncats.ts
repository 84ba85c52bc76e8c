/**
 * Entry point of the `ncats` admin command: `npm run --silent ncats -- <command>` (tsx runs
 * this file directly, so there is no build step). Everything lives in run.ts so tests can drive
 * the CLI in-process as well as a child process.
 */
import { processIo } from './io';
import { runCli } from './run';

const io = processIo();
const code = await runCli(process.argv.slice(2), io);
process.exitCode = code;
// Standard input may still be open (a pipe nobody closed): do not let it keep the process alive.
process.stdin.unref?.();
