import { passwordSchema } from '../../preload/contract';
import { UsageError } from './errors';
import type { CliIo } from './io';

/**
 * Get the password for an existing account: the first line of standard input with
 * `--password-stdin`, otherwise a hidden terminal prompt. Never from argv (see args.ts).
 */
export async function readPassword(io: CliIo, fromStdin: boolean, prompt = 'Password: '): Promise<string> {
  if (fromStdin) {
    const line = await io.readLine();
    if (line === null || line === '') {
      throw new UsageError('--password-stdin was given, but the first line of standard input is empty.');
    }
    return line;
  }
  if (!io.stdinIsTTY) {
    throw new UsageError(
      'Standard input is not a terminal, so the password cannot be asked for. Use --password-stdin and give it on the first line.',
    );
  }
  const typed = await io.promptHidden(prompt);
  if (typed === '') throw new UsageError('No password was entered.');
  return typed;
}

/**
 * Get a password for a new account. At a terminal it is asked for twice so a typing slip does
 * not lock the administrator out; either way it must meet the app's password rules.
 */
export async function readNewPassword(io: CliIo, fromStdin: boolean): Promise<string> {
  const password = await readPassword(io, fromStdin, 'New password (at least 12 characters): ');
  const valid = passwordSchema.safeParse(password);
  if (!valid.success) throw new UsageError(valid.error.issues[0]?.message ?? 'That password is not allowed.');
  if (!fromStdin) {
    const again = await io.promptHidden('Type it again: ');
    if (again !== password) throw new UsageError('The two passwords do not match. Nothing was created.');
  }
  return password;
}
