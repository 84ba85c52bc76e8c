/**
 * The Home part of `npm run bench` (leave it out with `--skip home`): `home:summary` for the
 * busiest clinician of the vault, the one with the most open cases as lead worker or allocated
 * clinician, whose Home has the most to read.
 */
import type { Db } from '../../main/core/db/connection';
import { DEFAULT_REFERENCE_DATE } from '../../main/core/demo/generate';
import { homeSummary } from '../../main/core/home/home.service';
import type { OpenVault } from '../../main/core/vault/vault';
import { toSessionUser } from '../../main/core/vault/open-vault';
import { timeRuns } from './core-metrics';
import { emitSamples, say } from './report';

/** The user with the most open cases (lead or allocated), and how many. */
export function busiestClinician(db: Db): { userId: string; openCases: number } {
  const row = db
    .prepare(
      `SELECT m.user_id AS userId, count(*) AS openCases
       FROM (SELECT lead_worker_id AS user_id, id AS case_id FROM cases WHERE lead_worker_id IS NOT NULL
             UNION SELECT user_id, case_id FROM case_clinicians) m
       JOIN cases c ON c.id = m.case_id AND c.status IN ('referred', 'accepted', 'active')
       GROUP BY m.user_id ORDER BY openCases DESC, m.user_id LIMIT 1`,
    )
    .get() as { userId: string; openCases: number } | undefined;
  if (!row) throw new Error('The vault has no allocated open case to measure Home on.');
  return row;
}

/**
 * The signed-in vault seen as another of its users on another day: the same database and audit,
 * with `user` and the clock replaced, so the real service reads and audits as that clinician
 * would when signed in on that day (the benchmark has one session, as the bench user, and no
 * other user's password is needed).
 */
function asUserOn(vault: OpenVault, userId: string, day: string): OpenVault {
  const user = vault.listUsers().find((u) => u.id === userId);
  if (!user) throw new Error(`No user ${userId}`);
  const at = new Date(`${day}T10:00:00Z`);
  return Object.create(vault, { user: { value: toSessionUser(user) }, now: { value: () => at } }) as OpenVault;
}

export async function measureHome(vault: OpenVault, runs: (n: number) => number): Promise<void> {
  say('Home: home:summary for the busiest clinician ...');
  const busiest = busiestClinician(vault.db);
  // The demo's "today" (the date its data was written as of), so this week's booked sessions
  // and the tasks due soon are the demo's, not the empty lists of a later machine date.
  const day = DEFAULT_REFERENCE_DATE;
  const clinician = asUserOn(vault, busiest.userId, day);
  const sample = homeSummary(clinician);
  const tasks = sample.overdueTasks.total + sample.dueSoonTasks.total;
  emitSamples(
    'home_summary_ms',
    await timeRuns(runs(60), () => homeSummary(clinician)),
    {
      note: `home:summary (service, one transaction with its audit row) for the busiest clinician on ${day}: ${busiest.openCases} open cases, ${tasks} tasks overdue or due soon, ${sample.flags.total} flags, ${sample.interventionSessions.total} booked sessions this week`,
    },
    100,
  );
}
