/** main/app/debug-guard.ts: which command lines a packaged app refuses before any window or vault. */
import { describe, expect, it } from 'vitest';
import { debugRefusalMessage, refusedDebugSwitches } from '../../../main/app/debug-guard';

const packaged = { isPackaged: true, allowedByBuild: false };

describe('refusedDebugSwitches', () => {
  it('refuses the DevTools port and pipe, with or without a value, one dash or two, any case', () => {
    expect(refusedDebugSwitches({ ...packaged, argv: ['/opt/ncats/ncats', '--remote-debugging-port=9222'] })).toEqual([
      '--remote-debugging-port',
    ]);
    expect(refusedDebugSwitches({ ...packaged, argv: ['app', '-remote-debugging-port', '9222'] })).toEqual([
      '--remote-debugging-port',
    ]);
    expect(refusedDebugSwitches({ ...packaged, argv: ['app', '--Remote-Debugging-Pipe'] })).toEqual([
      '--remote-debugging-pipe',
    ]);
    expect(refusedDebugSwitches({ ...packaged, argv: ['app', '--inspect=0', '--inspect-brk'] })).toEqual([
      '--inspect',
      '--inspect-brk',
    ]);
  });

  it('lets an ordinary start through, including the shell’s own switches and a vault named like a switch', () => {
    expect(
      refusedDebugSwitches({
        ...packaged,
        argv: ['app', '--vault', 'inspect', '--profile', '/tmp/--inspect', '--no-sandbox'],
      }),
    ).toEqual([]);
  });

  it('does not guard unpackaged builds, nor the smoke test’s own build', () => {
    const argv = ['app', '--remote-debugging-port=0'];
    expect(refusedDebugSwitches({ argv, isPackaged: false, allowedByBuild: false })).toEqual([]);
    expect(refusedDebugSwitches({ argv, isPackaged: true, allowedByBuild: true })).toEqual([]);
  });

  it('tells the user what to do, naming the switch', () => {
    expect(debugRefusalMessage(['--remote-debugging-port'])).toMatch(/--remote-debugging-port.*IT service desk/s);
  });
});
