/**
 * Home's queries start from the user or the week, never from a walk of every case, task or
 * session: the plan of each (EXPLAIN QUERY PLAN on a migrated vault) names the index it uses.
 * At 10,000 cases a full scan of `cases` or `tasks` is what would push home_summary_ms past 100 ms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_SQL } from '../../../../main/core/home/home.repo';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs('ncats-home-plans-');
let vault: OpenVault;

beforeAll(async () => {
  vault = (await newVault(vaultDirIn(dirs.make()))).vault;
});
afterAll(() => {
  vault.close();
  dirs.cleanup();
});

function plan(sql: string): string {
  const params = { me: 'u', mine: '["a","b"]', ids: '["a"]', from: '2026-01-01', to: '2026-01-07', limit: 50 };
  const rows = vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('Home’s query plans', () => {
  it('find my open cases once, from the lead-worker index and my allocations', () => {
    const p = plan(HOME_SQL.openCaseIds);
    expect(p).toMatch(/cases USING (COVERING )?INDEX cases_lead_worker/);
    expect(p).toMatch(/case_clinicians USING (COVERING )?INDEX case_clinicians_user/);
    // Not every open case from the status index, tested against mine afterwards.
    expect(p).not.toMatch(/INDEX cases_status/);
    expect(p).not.toMatch(/SCAN c\b/);
  });

  it('look up the assessments and flags of my open cases by case, never walking them all', () => {
    const assessments = plan(HOME_SQL.openAssessments);
    expect(assessments).toMatch(/SEARCH a USING (COVERING )?INDEX assessments_one_open \(case_id=\?\)/);
    expect(assessments).not.toMatch(/SCAN (a|c)\b/);
    const flags = plan(HOME_SQL.openFlags);
    expect(flags).toMatch(/SEARCH f USING (COVERING )?INDEX flags_open \(case_id=\?\)/);
    expect(flags).not.toMatch(/SCAN (f|c)\b/);
  });

  it('find my tasks from the open-tasks-by-owner index', () => {
    expect(plan(HOME_SQL.tasksDue)).toMatch(
      /SEARCH t USING INDEX tasks_open_owner \(owner_id=\? AND due_date>\? AND due_date<\?\)/,
    );
  });

  it('find this week’s booked sessions from my plans and my cases, never every session booked in the week', () => {
    const booked = plan(HOME_SQL.bookedSessions);
    expect(booked).toMatch(/SEARCH pc USING PRIMARY KEY \(user_id=\?\)/);
    expect(booked).toMatch(/SEARCH s USING (COVERING )?INDEX intervention_sessions_plan \(plan_id=\? AND attendance=\? AND session_date>\? AND session_date<\?\)/);
    expect(booked).toMatch(/SEARCH s USING (COVERING )?INDEX intervention_sessions_case \(case_id=\? AND session_date>\? AND session_date<\?\)/);
    expect(booked).not.toMatch(/intervention_sessions_planned|SCAN s\b/);
  });

  it('find this week’s Safe Home sessions run by run, never scanning every session', () => {
    const facilitated = plan(HOME_SQL.facilitatedSessions);
    expect(facilitated).toMatch(/SEARCH s USING INDEX safe_home_sessions_run \(run_id=\?\)/);
    expect(facilitated).not.toMatch(/SCAN s\b/);
  });
});
