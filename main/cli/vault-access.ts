import { isAbsolute, resolve } from 'node:path';
import { usernameSchema } from '../../preload/contract';
import { readHeader } from '../core/vault/header';
import { unlockVault, type OpenVault } from '../core/vault/vault';
import { PASSWORD_STDIN_OPTION, USER_OPTION, VAULT_OPTION, required } from './args';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { readPassword } from './password';

/**
 * The folder named by --vault. Under `npm run ncats` npm changes directory to the project, so
 * a relative path is taken from where the person typed the command (npm's INIT_CWD).
 */
export function vaultDirFrom(value: string, io: CliIo): string {
  if (isAbsolute(value)) return value;
  const base = io.env.npm_lifecycle_event === 'ncats' && io.env.INIT_CWD ? io.env.INIT_CWD : process.cwd();
  return resolve(base, value);
}

/** A user name as the app stores it (trimmed, lower case), or a usage error. */
export function usernameFrom(value: string): string {
  const parsed = usernameSchema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(`"${value}" is not a valid user name: ${parsed.error.issues[0]?.message ?? 'check it'}`);
  }
  return parsed.data;
}

/** The flags of every command that signs in; a command spreads these first into its own options. */
export const SIGN_IN_OPTIONS = { ...VAULT_OPTION, ...USER_OPTION, ...PASSWORD_STDIN_OPTION } as const;

/** Where, and as whom, a command signs in. */
export interface SignIn {
  dir: string;
  username: string;
  passwordFromStdin: boolean;
}

type FlagValue = string | boolean | undefined | (string | boolean)[];

/**
 * The sign-in a command's parsed flags ask for. --vault is checked before --user, so a command
 * missing both says so about --vault first, as every command always has.
 */
export function signInFrom(
  values: { vault?: FlagValue; user?: FlagValue; 'password-stdin'?: FlagValue },
  io: CliIo,
): SignIn {
  return {
    dir: vaultDirFrom(required(values.vault, 'vault'), io),
    username: usernameFrom(required(values.user, 'user')),
    passwordFromStdin: values['password-stdin'] === true,
  };
}

/** The help lines for SIGN_IN_OPTIONS; `user` says whom --user names for this command. */
export function signInHelp(user = 'the user to sign in as'): string {
  return [
    '  --vault DIR         the vault folder',
    `  --user NAME         ${user}`,
    '  --password-stdin    read the password from the first line of standard input',
  ].join('\n');
}

/**
 * Unlock a vault for a command. The header is read first so a missing or damaged vault is
 * reported before anyone is asked for a password. The unlock itself is audited by the core.
 * The caller must close the returned vault in a `finally`.
 */
export async function unlockForCommand(io: CliIo, options: SignIn): Promise<OpenVault> {
  readHeader(options.dir);
  const password = await readPassword(io, options.passwordFromStdin);
  return unlockVault(options.dir, options.username, password);
}

/** Run `fn` with an unlocked vault and always close it (which wipes the key) afterwards. */
export async function withUnlockedVault<T>(
  io: CliIo,
  options: SignIn,
  fn: (vault: OpenVault) => T | Promise<T>,
): Promise<T> {
  const vault = await unlockForCommand(io, options);
  try {
    return await fn(vault);
  } finally {
    vault.close();
  }
}
