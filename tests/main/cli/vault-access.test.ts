/**
 * The one sign-in scaffold every vault command shares (vault-access.ts): which flag is missing
 * is said in the same order by every command, the user name is normalised as the app stores
 * it, and the help lines are the same wherever they appear.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../main/cli/commands/index';
import { UsageError } from '../../../main/cli/errors';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp } from '../../../main/cli/vault-access';
import { scriptedIo } from './cli-fixture';

describe('the CLI sign-in scaffold', () => {
  const io = scriptedIo();

  it('asks for --vault before --user, as a usage error', () => {
    expect(() => signInFrom({}, io)).toThrow(new UsageError('Missing required option --vault.'));
    expect(() => signInFrom({ vault: '/tmp/v' }, io)).toThrow(new UsageError('Missing required option --user.'));
  });

  it('normalises the user name and reads --password-stdin as a yes or no', () => {
    expect(signInFrom({ vault: '/tmp/v', user: ' Alice ', 'password-stdin': true }, io)).toEqual({
      dir: '/tmp/v',
      username: 'alice',
      passwordFromStdin: true,
    });
    expect(signInFrom({ vault: '/tmp/v', user: 'alice' }, io).passwordFromStdin).toBe(false);
    expect(() => signInFrom({ vault: '/tmp/v', user: 'no spaces allowed' }, io)).toThrow(UsageError);
  });

  it('gives the same three help lines to every command that signs in', () => {
    expect(Object.keys(SIGN_IN_OPTIONS)).toEqual(['vault', 'user', 'password-stdin']);
    const lines = signInHelp('the user to unlock as').split('\n');
    expect(lines).toEqual([
      '  --vault DIR         the vault folder',
      '  --user NAME         the user to unlock as',
      '  --password-stdin    read the password from the first line of standard input',
    ]);
    for (const name of ['verify', 'unlock-test']) {
      expect(COMMANDS.find((c) => c.name === name)?.usage).toContain(lines.join('\n'));
    }
  });
});
