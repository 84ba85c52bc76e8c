/**
 * The CLI tests' fixture: `ncats` driven in-process with a scripted standard input (the
 * password on its first line, no terminal), and real encrypted vaults made once per test file
 * (in `beforeAll`, removed in `afterAll`) with the cheapest KDF, so each sign-in costs
 * milliseconds. Imported by name; nothing here runs unless a test file asks for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { ExitCode } from '../../../main/cli/errors';
import type { CliIo } from '../../../main/cli/io';
import { runCli } from '../../../main/cli/run';
import { scryptParams } from '../../../main/core/vault/kdf';
import { createVault, unlockVault, type OpenVault, type VaultOptions } from '../../../main/core/vault/vault';

/** Every fixture vault's administrator has this password. */
export const PASSWORD = 'correct horse battery staple';

/** The cheapest KDF the header accepts. */
export const FAST: VaultOptions = { kdf: scryptParams(2 ** 14) };

export interface ScriptedIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

/** What the scripted io's person does. */
export interface Script {
  /** Standard input, line by line; the fixture password by default. */
  lines?: readonly string[];
  /** What is typed at each hidden prompt in turn; an Error rejects it (Ctrl+C). */
  typed?: readonly (string | Error)[];
  /** Whether standard input is a terminal (so prompts are possible); not by default. */
  tty?: boolean;
  env?: Record<string, string>;
  now?: Date;
}

/** An io driven by `script`: output is collected, prompts go to standard error as on a terminal. */
export function scriptedIo(script: Script = {}): ScriptedIo {
  const input = [...(script.lines ?? [PASSWORD])];
  const typed = [...(script.typed ?? [])];
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    stdinIsTTY: script.tty ?? false,
    readLine: () => Promise.resolve(input.shift() ?? null),
    promptHidden: (prompt) => {
      stderr.push(prompt);
      const next = typed.shift();
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? '');
    },
    env: script.env ?? {},
    now: () => script.now ?? new Date(),
  };
}

/** Run `ncats ...argv` in-process with the password on standard input; what it printed, joined. */
export async function ncats(...argv: string[]): Promise<{ code: ExitCode; out: string; err: string }> {
  const streams = scriptedIo();
  const code = await runCli(argv, streams);
  return { code, out: streams.stdout.join('\n'), err: streams.stderr.join('\n') };
}

/** The first administrator of one fixture vault. */
export interface VaultAdmin {
  username: string;
  displayName: string;
}

export interface CliVaults<Name extends string> {
  /** The temporary folder the vaults are in; tests write their other files here too. */
  readonly work: string;
  /** The folder of vault `name`. */
  dir(name: Name): string;
  /** `--vault DIR --user NAME --password-stdin`: sign in to vault `name` as its administrator. */
  as(name: Name): string[];
  /** Vault `name` unlocked in-process as its administrator; the caller closes it. */
  open(name: Name): Promise<OpenVault>;
}

/**
 * Vaults for one test file, one per entry of `admins` (the key names the vault), made before
 * its first test and removed after its last. `seed` gets them unlocked, to add what the tests
 * need; they are closed afterwards.
 */
export function cliVaults<Name extends string>(
  admins: Record<Name, VaultAdmin>,
  seed?: (vaults: Record<Name, OpenVault>) => void | Promise<void>,
): CliVaults<Name> {
  let work = '';
  const names = Object.keys(admins) as Name[];
  const dir = (name: Name): string => join(work, name);
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ncats-cli-'));
    const opened = {} as Record<Name, OpenVault>;
    try {
      for (const name of names) {
        opened[name] = (await createVault(dir(name), { ...admins[name], password: PASSWORD }, FAST)).vault;
      }
      await seed?.(opened);
    } finally {
      for (const vault of Object.values<OpenVault>(opened)) vault.close();
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return {
    get work() {
      return work;
    },
    dir,
    as: (name) => ['--vault', dir(name), '--user', admins[name].username, '--password-stdin'],
    open: (name) => unlockVault(dir(name), admins[name].username, PASSWORD, FAST),
  };
}
