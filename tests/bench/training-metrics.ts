/**
 * The training part of `npm run bench` (leave it out with `--skip training`): the Training area's
 * list, `trainingEvent:list` (25 rows and the count), unfiltered, for one sector, and for one
 * quarter, in turn: the three queries a manager runs most.
 */
import type { Router } from '../../main/core/ipc/router';
import type { OpenVault } from '../../main/core/vault/vault';
import { call, timeRuns } from './core-metrics';
import { emitSamples, say } from './report';

/** The filters timed in turn: none, the busiest sector, and the latest full quarter of the year. */
const FILTERS = [
  {},
  { sector: 'social_care' },
  { from: '2025-07-01', to: '2025-09-30' },
  { sector: 'health', from: '2025-01-01', to: '2025-12-31' },
] as const;

export async function trainingListPages(router: Router, runs: number): Promise<number[]> {
  return timeRuns(runs, (i) =>
    call(router, 'trainingEvent:list', { ...FILTERS[Math.abs(i) % FILTERS.length], limit: 25 }),
  );
}

export async function measureTraining(router: Router, vault: OpenVault, runs: (n: number) => number): Promise<void> {
  say('Training: the area list ...');
  const events = (vault.db.prepare('SELECT count(*) AS n FROM training_events').get() as { n: number }).n;
  emitSamples(
    'training_list_ms',
    await trainingListPages(router, runs(60)),
    {
      note: `trainingEvent:list, 25 rows + count of ${events} events; unfiltered, one sector, one quarter, sector and year`,
    },
    15,
  );
}
