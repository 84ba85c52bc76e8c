/** The packaged app's `--cli` hand-off (main/app/cli-args.ts), under plain Node. */
import { describe, expect, it } from 'vitest';
import { cliArgsFrom } from '../../../main/app/cli-args';

describe('cliArgsFrom', () => {
  it('is null for a normal start, packaged or not', () => {
    expect(cliArgsFrom(['/opt/NCATS Casework/ncats-casework'])).toBeNull();
    expect(cliArgsFrom(['/usr/bin/electron', '.', '--vault', '/tmp/v'])).toBeNull();
  });

  it('passes on everything after --cli, options and all, in order', () => {
    expect(
      cliArgsFrom([
        'C:\\Program Files\\NCATS Casework\\NCATS Casework.exe',
        '--cli',
        'verify',
        '--vault',
        'D:\\v',
        '--user',
        'admin',
        '--password-stdin',
      ]),
    ).toEqual(['verify', '--vault', 'D:\\v', '--user', 'admin', '--password-stdin']);
  });

  it('drops what came before --cli (Electron and test-driver switches are not CLI arguments)', () => {
    expect(cliArgsFrom(['/app/ncats-casework', '--no-sandbox', '--enable-logging', '--cli', 'info', '--help'])).toEqual(
      ['info', '--help'],
    );
  });

  it('gives an empty list for a bare --cli (the CLI prints its help and exits 2)', () => {
    expect(cliArgsFrom(['/app/ncats-casework', '--cli'])).toEqual([]);
  });

  it('takes only the first --cli as the switch; a later one is the command’s business', () => {
    expect(cliArgsFrom(['/app/x', '--cli', 'info', '--cli'])).toEqual(['info', '--cli']);
  });

  it('does not mistake a lookalike for the switch', () => {
    expect(cliArgsFrom(['/app/x', '--client', '-cli', '--cli-mode'])).toBeNull();
  });
});
