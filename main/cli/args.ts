import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A flag that would put a password on the command line, where shell history and `ps` see it. */
const PASSWORD_FLAG = /^--(?:[a-z]+-)*password(?:=.*)?$/;

/** Options every vault command shares; commands pick the ones they need. */
export const VAULT_OPTION = { vault: { type: 'string' } } as const satisfies Options;
export const USER_OPTION = { user: { type: 'string' } } as const satisfies Options;
export const PASSWORD_STDIN_OPTION = { 'password-stdin': { type: 'boolean' } } as const satisfies Options;

/** Refuse any `--password` style flag with an explanation, before the generic unknown-flag error. */
export function rejectPasswordOnArgv(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (PASSWORD_FLAG.test(arg)) {
      throw new UsageError(
        'Passwords are never taken from the command line, where the shell history and the process list would keep them. ' +
          'Use --password-stdin and give the password on the first line of standard input, or run in a terminal to be asked for it.',
      );
    }
  }
}

/**
 * Parse a command's arguments strictly (unknown flags and stray words are usage errors) and
 * turn node:util's errors into plain messages.
 */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
  rejectPasswordOnArgv(args);
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((err as Error).message);
    throw err;
  }
}

/** The value of a required string flag, or a usage error naming it. */
export function required(value: string | boolean | undefined | (string | boolean)[], flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Missing required option --${flag}.`);
  return value;
}

/** A whole number in 1..max from a flag's text, or a usage error naming the flag. */
export function positiveCount(value: string, flag: string, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${flag} must be a whole number, for example 100.`);
  const n = Number(value);
  if (n < 1 || n > max) throw new UsageError(`--${flag} must be between 1 and ${max.toLocaleString('en-GB')}.`);
  return n;
}
