/** The access log: display names, and repeated views collapsed per sign-in session, through the router. */
import { describe, expect, it } from 'vitest';
import type { AccessLogEntry, Page } from '../../../../preload/contract';
import { accessLogSql, queryAccessLog, SESSION_LOOKBACK_ROWS } from '../../../../main/core/cases/caseload.repo';
import { coreForEachTest } from '../core-fixture';
import { referral } from './fixtures';

const fx = coreForEachTest('ncats-access-log-');

const ok = <T>(channel: string, input: unknown) => fx.ok<T>(channel, input);

describe('the access log', () => {
  it('names people by display name and collapses repeated views in one sign-in session', async () => {
    await ok('user:create', {
      username: 'cal',
      displayName: 'Cal Clinician',
      password: 'another long password',
      role: 'clinician',
    });
    const { id: caseId } = await ok<{ id: string }>('case:create', referral());

    // Session 1 of Cal: three views, a note, two more views.
    await fx.core.manager.unlock('cal', 'another long password');
    for (let i = 0; i < 3; i++) await ok('case:get', { caseId });
    await ok('note:create', {
      caseId,
      note: { occurredAt: '2025-01-01T10:00:00Z', type: 'case_note', text: 'Met the school.' },
    });
    await ok('chronology:get', { caseId });
    await ok('case:get', { caseId });
    // A lock ends the session: the next sign-in starts another.
    fx.core.manager.lock('explicit');
    await fx.core.manager.unlock('cal', 'another long password');
    await ok('case:get', { caseId });
    await ok('case:get', { caseId });

    await fx.core.manager.unlock('admin', 'correct horse battery');
    const log = await ok<Page<AccessLogEntry>>('case:accessLog', { caseId });
    const lines = log.items.map((e) => [e.userDisplayName, e.action, e.count]);
    expect(lines).toEqual([
      ['Cal Clinician', 'case.read', 2],
      ['Cal Clinician', 'case.read', 5],
      ['Cal Clinician', 'note.create', 1],
      ['Ada Admin', 'case.create', 1],
    ]);
    expect(log.total).toBe(4);
    const five = log.items[1] as AccessLogEntry;
    expect(five.firstAt <= five.at).toBe(true);
    expect(five.username).toBe('cal');

    // Looking at the log is itself a view; a second look collapses with the first.
    const again = await ok<Page<AccessLogEntry>>('case:accessLog', { caseId });
    expect(again.items[0]).toMatchObject({ action: 'case.access_log', count: 1, userDisplayName: 'Ada Admin' });
    const third = await ok<Page<AccessLogEntry>>('case:accessLog', { caseId, limit: 2, offset: 0 });
    expect(third.items[0]).toMatchObject({ action: 'case.access_log', count: 2 });
    expect(third.items[1]).toMatchObject({ action: 'case.read', count: 2 });
    expect(third.total).toBe(5);
  });

  it('reads the case’s rows by index and walks back a bounded way to each sign-in', async () => {
    const { id: caseId } = await ok<{ id: string }>('case:create', referral());
    const db = fx.core.manager.current().db;
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${accessLogSql().page}`).all({ caseId, limit: 10, offset: 0 }) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan.join('\n')).toContain('audit_log_case');
    expect(plan.join('\n')).toMatch(/SEARCH s USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(queryAccessLog(db, caseId, 10, 0).total).toBe(1);
  });

  it('shows a view whose sign-in is further back than the look-back on its own', async () => {
    const { id: caseId } = await ok<{ id: string }>('case:create', referral());
    const db = fx.core.manager.current().db;
    await ok('case:get', { caseId });
    // Push the sign-in out of reach, as a long bulk import would, with rows of another case.
    const insert = db.prepare(
      `INSERT INTO audit_log (seq, at, user_id, username, action, case_id, prev_hash, hash)
       VALUES (?, '2025-01-01T00:00:00Z', NULL, NULL, 'filler', 'elsewhere', '', '')`,
    );
    const last = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    db.transaction(() => {
      for (let i = 1; i <= SESSION_LOOKBACK_ROWS; i++) insert.run(last + i);
    })();
    await ok('case:get', { caseId });
    await ok('case:get', { caseId });
    const reads = queryAccessLog(db, caseId, 10, 0).rows.filter((e) => e.action === 'case.read');
    expect(reads.map((e) => e.count)).toEqual([1, 1, 1]);
  });
});
