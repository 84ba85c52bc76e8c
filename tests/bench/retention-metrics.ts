/**
 * The Records retention part of `npm run bench` (leave it out with `--skip retention`): the
 * area's main screen, the review list (`retention:list`'s service: the stale check, a page of 25
 * from `case_retention_review`, its count and its audit row), on the demo vault's archive of
 * cases closed or declined 18-30 years before the demo's "today" (demo generator 8,
 * `archiveCases`), as of that day so what is due is the demo's. Target p95 <= 15 ms.
 */
import { DEFAULT_REFERENCE_DATE } from '../../main/core/demo/generate';
import { REVIEW_PAGE_SQL } from '../../main/core/retention/retention.repo';
import { listForReview } from '../../main/core/retention/retention.service';
import type { OpenVault } from '../../main/core/vault/vault';
import { timeRuns } from './core-metrics';
import { emitSamples, percentile, round, say } from './report';

/** The signed-in vault on another day: the same database and audit, the clock replaced. */
function onDay(vault: OpenVault, day: string): OpenVault {
  const at = new Date(`${day}T10:00:00Z`);
  return Object.create(vault, { now: { value: () => at } }) as OpenVault;
}

/** What an administrator does on the screen: the default view, both orders, a wider window, a later page. */
const VIEWS = [
  { withinMonths: 6, order: 'asc', offset: 0 },
  { withinMonths: 6, order: 'desc', offset: 0 },
  { withinMonths: 0, order: 'asc', offset: 0 },
  { withinMonths: 24, order: 'asc', offset: 0 },
  { withinMonths: 24, order: 'asc', offset: 250 },
] as const;

export async function measureRetention(vault: OpenVault, runs: (n: number) => number): Promise<void> {
  say('Records retention: the review list ...');
  const admin = onDay(vault, DEFAULT_REFERENCE_DATE);
  const rows = vault.db.prepare('SELECT count(*) AS n, count(review_date) AS dated FROM case_retention').get() as {
    n: number;
    dated: number;
  };
  const totals = VIEWS.map((v) => listForReview(admin, { ...v, limit: 25 }).total);
  const plan = (
    vault.db.prepare(`EXPLAIN QUERY PLAN ${REVIEW_PAGE_SQL('ASC')}`).all('2026-06-30', 25, 0) as {
      detail: string;
    }[]
  )
    .map((p) => p.detail)
    .join(' | ');
  say(`  plan: ${plan}`);
  const samples = await timeRuns(runs(100), (i) => {
    const view = VIEWS[Math.abs(i) % VIEWS.length] ?? VIEWS[0];
    return listForReview(admin, { ...view, limit: 25 });
  });
  const perView = VIEWS.map((_, k) =>
    round(
      percentile(
        samples.filter((_, i) => i % VIEWS.length === k),
        95,
      ),
      1,
    ),
  );
  emitSamples(
    'retention_list_ms',
    samples,
    {
      note: `retention:list (service, with its audit row) on ${DEFAULT_REFERENCE_DATE}: ${rows.n} retention rows, ${rows.dated} with a review date; ${totals[0]} due within 6 months, ${totals[2]} past, ${totals[3]} within 2 years; 5 views (6 months asc / desc, passed, 2 years, 2 years page 11), p95 per view ${perView.join(' / ')} ms`,
    },
    15,
  );
}
