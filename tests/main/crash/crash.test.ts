/**
 * Issue 15, crash safety: a process writing to a vault is killed with SIGKILL at random
 * moments, on every write path (write-paths.ts), and after each kill every acknowledged write
 * is present, the checks `ncats verify` makes pass, the blob store matches its rows exactly and
 * no temporary file outlives the start-up sweeps (after-kill.ts). A killed migration leaves the
 * schema exactly as before; a killed restore leaves no vault at its target; a killed backup
 * leaves no half file under a backup's name. CRASH_ROUNDS sets the rounds per path (default 6).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../core/temp-vault';
import { ROUNDS, randomKillMs, runAndKill, tallyLine, type KillTally } from './kill-harness';
import { WRITE_PATHS } from './write-paths';

const dirs = tempDirs('ncats-crash-');
afterAll(() => dirs.cleanup());

// The paths run side by side: most of a round is a child process starting, which overlaps.
describe.concurrent('SIGKILL at random moments', () => {
  it.each(WRITE_PATHS.map((p) => [p.name, p] as const))(
    '%s: every acknowledged write survives and the vault verifies',
    async (_name, path) => {
      const prepared = await path.prepare(dirs.make());
      const tally: KillTally = {
        path: path.name,
        rounds: 0,
        killed: 0,
        killedMidWrite: 0,
        acknowledgedChecked: 0,
        swept: { tempFiles: 0, orphanBlobs: 0, bundleFiles: 0 },
      };
      // A path that ends by itself is first run whole, to learn how long a kill may wait.
      let spanMs = path.killSpanMs ?? 0;
      for (let round = 0; round < ROUNDS; round++) {
        const ctx = { round, startedAt: Date.now(), swept: tally.swept };
        const whole = path.killSpanMs === null && round === 0;
        const result = await runAndKill(path.mode, prepared.args(ctx), whole ? Infinity : randomKillMs(spanMs * 1.2));
        if (whole) spanMs = result.ranMs;
        tally.rounds += 1;
        if (result.killed) tally.killed += 1;
        if (result.killedMidWrite) tally.killedMidWrite += 1;
        tally.acknowledgedChecked += await prepared.check(result, ctx);
      }
      console.log(tallyLine(tally));
      expect(tally.rounds).toBe(ROUNDS);
    },
    600_000,
  );
});
