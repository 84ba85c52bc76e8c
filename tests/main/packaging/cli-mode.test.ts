/**
 * `<app> --cli` runs the `ncats` command registry with its exit codes and password rules
 * (main/app/cli-mode.ts). Electron's `app` is a recording stand-in here; the commands and the
 * vault are real. The packaged binary itself is exercised by packaged-app.test.ts where it exists.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../../main/cli/commands/index';
import { EXIT } from '../../../main/cli/errors';
import { PASSWORD, cliVaults, scriptedIo } from '../cli/cli-fixture';

const electron = vi.hoisted(() => ({ exitCodes: [] as number[], dockHidden: 0 }));
vi.mock('electron', () => ({
  app: {
    exit: (code: number) => electron.exitCodes.push(code),
    dock: { hide: () => (electron.dockHidden += 1) },
  },
}));

const { runAppCli } = await import('../../../main/app/cli-mode');

const vaults = cliVaults({ main: { username: 'admin', displayName: 'Ada Admin' } });

async function appCli(
  args: string[],
  lines?: string[],
): Promise<{ code: number | undefined; out: string; err: string }> {
  const io = scriptedIo(lines ? { lines } : {});
  const before = electron.exitCodes.length;
  await runAppCli(args, io);
  expect(electron.exitCodes.length).toBe(before + 1);
  return { code: electron.exitCodes.at(-1), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('the packaged app in --cli mode', () => {
  it('lists the same commands as ncats, exits 0 for help and hides the Dock icon', async () => {
    const { code, out } = await appCli(['--help']);
    expect(code).toBe(EXIT.OK);
    for (const command of COMMANDS) expect(out).toContain(command.name);
    expect(electron.dockHidden).toBeGreaterThan(0);
  });

  it('exits 2 with no command and for an unknown one', async () => {
    expect((await appCli([])).code).toBe(EXIT.USAGE);
    const unknown = await appCli(['frobnicate']);
    expect(unknown.code).toBe(EXIT.USAGE);
    expect(unknown.err).toContain('Unknown command "frobnicate"');
  });

  it('signs in to a real vault with --password-stdin and exits 0', async () => {
    const { code, out } = await appCli(['unlock-test', ...vaults.as('main')]);
    expect(code).toBe(EXIT.OK);
    expect(out.length).toBeGreaterThan(0);
  });

  it('exits 1 for a wrong password and 2 when --password-stdin is missing off a terminal', async () => {
    expect((await appCli(['unlock-test', ...vaults.as('main')], ['not the password'])).code).toBe(EXIT.FAILURE);
    const noStdin = await appCli(['unlock-test', '--vault', vaults.dir('main'), '--user', 'admin'], [PASSWORD]);
    expect(noStdin.code).toBe(EXIT.USAGE);
    expect(noStdin.err).toContain('--password-stdin');
    expect(readdirSync(vaults.dir('main'))).toContain('vault.db');
  });
});
