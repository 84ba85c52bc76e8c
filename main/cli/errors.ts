import { AppError } from '../core/errors';
import { PromptCancelled } from './io';

/** Exit codes, the same for every command. */
export const EXIT = {
  OK: 0,
  /** Verification or authentication failed, or something went wrong while doing the work. */
  FAILURE: 1,
  /** The command line was wrong: unknown command or flag, missing flag, password on argv. */
  USAGE: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command line itself is wrong. The runner prints the message and the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What to print and which exit code to use for an error thrown by a command. */
export function describeError(err: unknown, debug: boolean): { code: ExitCode; message: string } {
  if (err instanceof UsageError) return { code: EXIT.USAGE, message: err.message };
  if (err instanceof AppError) {
    // INVALID_INPUT is the core saying the command line's values were not acceptable.
    return { code: err.code === 'INVALID_INPUT' ? EXIT.USAGE : EXIT.FAILURE, message: err.message };
  }
  if (err instanceof PromptCancelled) return { code: EXIT.FAILURE, message: err.message };
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (sqliteCode === 'SQLITE_CORRUPT' || sqliteCode === 'SQLITE_NOTADB') {
    return {
      code: EXIT.FAILURE,
      message:
        'The vault database is damaged: a page failed its integrity check. Restore it from a backup, or try `ncats verify` for details.',
    };
  }
  const detail = err instanceof Error ? err.message : String(err);
  if (debug && err instanceof Error && err.stack) return { code: EXIT.FAILURE, message: err.stack };
  // A raw message may hold SQL or paths; it is short and useful to an administrator, so keep it,
  // but never the stack unless asked for.
  return {
    code: EXIT.FAILURE,
    message: `Unexpected error: ${detail}\nSet NCATS_DEBUG=1 to see the full details.`,
  };
}
