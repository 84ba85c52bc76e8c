/**
 * The runner and the password paths, driven in-process through the CliIo abstraction (no child
 * process, no terminal): help, usage errors, the hidden-prompt path and error reporting.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../../main/cli/command';
import { COMMANDS } from '../../../main/cli/commands/index';
import { EXIT } from '../../../main/cli/errors';
import { PromptCancelled } from '../../../main/cli/io';
import { runCli } from '../../../main/cli/run';
import { cliVaults, scriptedIo, type Script } from './cli-fixture';

/** An io with nothing on standard input unless `script` says, at a fixed time. */
const fakeIo = (script: Script) => scriptedIo({ lines: [], now: new Date('2026-03-04T10:05:00Z'), ...script });

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ncats-run-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('help', () => {
  it('lists every registered command, and each command has its own usage', async () => {
    const io = fakeIo({});
    expect(await runCli(['--help'], io)).toBe(EXIT.OK);
    for (const command of COMMANDS) {
      expect(io.stdout.join('\n')).toContain(`  ${command.name}`);
      const own = fakeIo({});
      expect(await runCli([command.name, '--help'], own)).toBe(EXIT.OK);
      expect(own.stdout.join('\n')).toMatch(new RegExp(`^Usage: ncats ${command.name} `));
    }
  });

  it('with no command at all, prints the help on standard error and exits 2', async () => {
    const io = fakeIo({});
    expect(await runCli([], io)).toBe(EXIT.USAGE);
    expect(io.stderr.join('\n')).toContain('Usage: ncats <command>');
  });
});

describe('usage errors', () => {
  it.each([
    [['info', '--vault', 'x', '--colour'], /Unknown option '--colour'/],
    [['info', '--vault', 'x', 'extra'], /positional argument/],
    [['info'], /Missing required option --vault/],
    [
      ['unlock-test', '--vault', 'x', '--user', 'alice', '--password', 'secret123456'],
      /never taken from the command line/,
    ],
    [['init', '--vault', 'x', '--user', 'alice', '--new-password=secret123456'], /never taken from the command line/],
    [['unlock-test', '--vault', 'x', '--user', 'Not A Name!', '--password-stdin'], /not a valid user name/],
  ])('%j exits 2', async (argv, message) => {
    const io = fakeIo({});
    expect(await runCli(argv, io)).toBe(EXIT.USAGE);
    expect(io.stderr.join('\n')).toMatch(message);
  });
});

describe('passwords', () => {
  it('asks twice at a terminal when creating a vault, and creates nothing if the two differ', async () => {
    const dir = join(root, 'mismatch');
    const io = fakeIo({ tty: true, typed: ['first long password', 'second long password'] });
    expect(await runCli(['init', '--vault', dir, '--user', 'alice'], io)).toBe(EXIT.USAGE);
    expect(io.stderr.join('\n')).toMatch(/Type it again[\s\S]*do not match/);
    expect(existsSync(dir)).toBe(false);
  });

  it('will not wait for a password when standard input is not a terminal and --password-stdin is missing', async () => {
    const dir = join(root, 'no-tty');
    const io = fakeIo({ tty: false });
    expect(await runCli(['init', '--vault', dir, '--user', 'alice'], io)).toBe(EXIT.USAGE);
    expect(io.stderr.join('\n')).toMatch(/Standard input is not a terminal.*--password-stdin/);
  });

  it('treats empty standard input with --password-stdin as a usage error', async () => {
    const io = fakeIo({ lines: [] });
    expect(await runCli(['init', '--vault', join(root, 'empty'), '--user', 'alice', '--password-stdin'], io)).toBe(
      EXIT.USAGE,
    );
    expect(io.stderr.join('\n')).toMatch(/first line of standard input is empty/);
  });

  it('refuses a short password for a new vault and creates nothing', async () => {
    const dir = join(root, 'short');
    const io = fakeIo({ lines: ['short'] });
    expect(await runCli(['init', '--vault', dir, '--user', 'alice', '--password-stdin'], io)).toBe(EXIT.USAGE);
    expect(io.stderr.join('\n')).toMatch(/at least 12 characters/);
    expect(existsSync(dir)).toBe(false);
  });

  it('Ctrl+C at the prompt cancels with exit 1', async () => {
    const io = fakeIo({ tty: true, typed: [new PromptCancelled()] });
    expect(await runCli(['init', '--vault', join(root, 'cancel'), '--user', 'alice'], io)).toBe(EXIT.FAILURE);
    expect(io.stderr.join('\n')).toMatch(/Cancelled\./);
  });
});

describe('vault errors exit 1', () => {
  const vaults = cliVaults({ exists: { username: 'alice', displayName: 'Alice' } });

  it('refuses to create a vault over an existing one', async () => {
    const dir = vaults.dir('exists');
    const io = fakeIo({ lines: ['another long password'] });
    expect(await runCli(['init', '--vault', dir, '--user', 'bob', '--password-stdin'], io)).toBe(EXIT.FAILURE);
    expect(io.stderr.join('\n')).toMatch(/There is already a vault in/);
  });
});

describe('unexpected errors', () => {
  const broken: Command = {
    name: 'broken',
    summary: 'Always fails.',
    usage: 'ncats broken',
    run: () => Promise.reject(new Error('something odd')),
  };

  it('prints a short message and exits 1, with no stack trace', async () => {
    const io = fakeIo({});
    expect(await runCli(['broken'], io, [broken])).toBe(EXIT.FAILURE);
    const text = io.stderr.join('\n');
    expect(text).toMatch(/Unexpected error: something odd/);
    expect(text).toMatch(/NCATS_DEBUG=1/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('shows the stack trace when NCATS_DEBUG=1', async () => {
    const io = fakeIo({ env: { NCATS_DEBUG: '1' } });
    expect(await runCli(['broken'], io, [broken])).toBe(EXIT.FAILURE);
    expect(io.stderr.join('\n')).toMatch(/\n\s+at /);
  });
});
