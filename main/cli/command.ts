import type { ExitCode } from './errors';
import type { CliIo } from './io';

/**
 * One `ncats` sub-command. Each lives in its own file under commands/ and is listed once in
 * commands/index.ts; the runner handles `--help`, errors and exit codes for all of them.
 */
export interface Command {
  /** What the user types after `ncats`. */
  name: string;
  /** One line for `ncats --help`. */
  summary: string;
  /** The full help text for `ncats <name> --help`, starting with the synopsis line. */
  usage: string;
  /** Do the work; return the exit code, or throw (UsageError, AppError, anything else). */
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
