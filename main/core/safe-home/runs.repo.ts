/**
 * SQL for what belongs to a run rather than to a family: the theme list, the completion rule,
 * runs, their sessions and the group notes. Rows map through the records (`safe-home.records.ts`).
 */
import {
  completionRuleSchema,
  DEFAULT_COMPLETION_RULE,
  type CompletionRule,
} from '../../../preload/contract/safe-home-records';
import type { Db } from '../db/connection';
import { COMPLETION_RULE_SETTING } from '../db/migrations/m0130-safe-home';
import type { RowOf, ViewOf } from '../db/record';
import { stmt } from '../db/statements';
import { groupNoteRecord, runRecord, sessionRecord, themeRecord } from './safe-home.records';

export type ThemeRow = ViewOf<typeof themeRecord.columns>;
export type RunRow = ViewOf<typeof runRecord.columns>;
export type SessionRow = ViewOf<typeof sessionRecord.columns>;
export type GroupNoteRow = ViewOf<typeof groupNoteRecord.columns>;

// ---------------------------------------------------------------------------------------------
// Themes and the completion rule

export function listThemes(db: Db): ThemeRow[] {
  return (
    stmt(db, `SELECT ${themeRecord.select()} FROM safe_home_themes ORDER BY position`).all() as RowOf<
      typeof themeRecord.columns
    >[]
  ).map((r) => themeRecord.toView(r));
}

export function findTheme(db: Db, id: string): ThemeRow | null {
  const row = stmt(db, `SELECT ${themeRecord.select()} FROM safe_home_themes WHERE id = ?`).get(id) as
    RowOf<typeof themeRecord.columns> | undefined;
  return row ? themeRecord.toView(row) : null;
}

export function nextThemePosition(db: Db): number {
  const row = stmt(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM safe_home_themes').get() as { p: number };
  return row.p;
}

export function insertTheme(db: Db, row: ThemeRow): void {
  stmt(db, themeRecord.insertSql()).run(themeRecord.toRow(row));
}

/** False when the theme moved past `expectedVersion`. */
export function reviseTheme(db: Db, id: string, expectedVersion: number, fields: Partial<ThemeRow>): boolean {
  const sql = themeRecord.updateSql(['label', 'aim', 'active', 'updated_at']);
  return stmt(db, sql).run({ ...themeRecord.toRow(fields), id, expected_version: expectedVersion }).changes === 1;
}

/** The rule in force; the migration seeds the default, so a missing row is the default too. */
export function readCompletionRule(db: Db): CompletionRule {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(COMPLETION_RULE_SETTING) as
    { value: string } | undefined;
  return row ? completionRuleSchema.parse(JSON.parse(row.value)) : DEFAULT_COMPLETION_RULE;
}

export function writeCompletionRule(db: Db, rule: CompletionRule): void {
  stmt(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(COMPLETION_RULE_SETTING, JSON.stringify(rule));
}

// ---------------------------------------------------------------------------------------------
// Runs

export function findRun(db: Db, id: string): RunRow | null {
  const row = stmt(db, `SELECT ${runRecord.select()} FROM safe_home_runs WHERE id = ?`).get(id) as
    RowOf<typeof runRecord.columns> | undefined;
  return row ? runRecord.toView(row) : null;
}

export function insertRun(db: Db, row: RunRow): void {
  stmt(db, runRecord.insertSql()).run(runRecord.toRow(row));
}

const RUN_FIELDS = [
  'title',
  'delivery',
  'facilitator_ids',
  'start_date',
  'planned_sessions',
  'venue',
  'updated_at',
  'updated_by',
] as const;

/** Write the run's own fields, or only its closure; false when it moved past `expectedVersion`. */
export function reviseRun(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: Partial<RunRow>,
  which: 'run' | 'closure',
): boolean {
  const sql = runRecord.updateSql(which === 'run' ? RUN_FIELDS : ['closed_on', 'updated_at', 'updated_by']);
  return stmt(db, sql).run({ ...runRecord.toRow(fields), id, expected_version: expectedVersion }).changes === 1;
}

/** Bump the run's version (its carers or sessions changed), so a stale copy of it is refused. */
export function touchRun(db: Db, id: string, at: string, by: string): void {
  stmt(db, 'UPDATE safe_home_runs SET updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(
    at,
    by,
    id,
  );
}

// ---------------------------------------------------------------------------------------------
// Sessions and group notes

/** A run's sessions: planned ones by number, then catch-ups by date. */
export function runSessions(db: Db, runId: string): SessionRow[] {
  return (
    stmt(
      db,
      `SELECT ${sessionRecord.select()} FROM safe_home_sessions WHERE run_id = ?
        ORDER BY kind = 'catch_up', CASE WHEN kind = 'planned' THEN seq END, session_date, created_at, id`,
    ).all(runId) as RowOf<typeof sessionRecord.columns>[]
  ).map((r) => sessionRecord.toView(r));
}

export function findSession(db: Db, id: string): SessionRow | null {
  const row = stmt(db, `SELECT ${sessionRecord.select()} FROM safe_home_sessions WHERE id = ?`).get(id) as
    RowOf<typeof sessionRecord.columns> | undefined;
  return row ? sessionRecord.toView(row) : null;
}

export function insertSession(db: Db, row: SessionRow): void {
  stmt(db, sessionRecord.insertSql()).run(sessionRecord.toRow(row));
}

/** A planned session's place, date and planned themes (editing the plan). */
export function revisePlannedSession(
  db: Db,
  id: string,
  fields: Pick<SessionRow, 'seq' | 'sessionDate' | 'themeIds' | 'updatedAt' | 'updatedBy'>,
): void {
  const sql = sessionRecord.updateSql(['seq', 'session_date', 'theme_ids', 'updated_at', 'updated_by'], 'id = @id');
  stmt(db, sql).run({ ...sessionRecord.toRow(fields), id });
}

/** Record that the register was taken (or corrected); false when the session moved past `expectedVersion`. */
export function markRegisterTaken(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: Pick<SessionRow, 'coveredThemeIds' | 'registerTakenAt' | 'registerTakenBy' | 'updatedAt' | 'updatedBy'>,
): boolean {
  const sql = sessionRecord.updateSql([
    'covered_theme_ids',
    'register_taken_at',
    'register_taken_by',
    'updated_at',
    'updated_by',
  ]);
  return stmt(db, sql).run({ ...sessionRecord.toRow(fields), id, expected_version: expectedVersion }).changes === 1;
}

/**
 * Renumbering a plan in place would collide with the unique (run, seq) of planned sessions, so
 * the numbers are first moved out of the way (past any real number) in one statement.
 */
export function movePlanNumbersAside(db: Db, runId: string): void {
  stmt(db, `UPDATE safe_home_sessions SET seq = seq + 100 WHERE run_id = ? AND kind = 'planned'`).run(runId);
}

/** A catch-up carries the number of the session it repeats, also after the plan is renumbered. */
export function catchUpsFollowTheirSessions(db: Db, runId: string): void {
  stmt(
    db,
    `UPDATE safe_home_sessions SET seq = (SELECT p.seq FROM safe_home_sessions p WHERE p.id = safe_home_sessions.for_session_id)
      WHERE run_id = ? AND kind = 'catch_up'`,
  ).run(runId);
}

/** Whether a planned session has a catch-up whose register was taken. */
export function heldCatchUpFor(db: Db, sessionId: string): boolean {
  return (
    stmt(db, `SELECT 1 FROM safe_home_sessions WHERE for_session_id = ? AND register_taken_at IS NOT NULL LIMIT 1`).get(
      sessionId,
    ) !== undefined
  );
}

export function deleteSession(db: Db, id: string): void {
  stmt(db, 'DELETE FROM safe_home_sessions WHERE id = ?').run(id);
}

export function runGroupNotes(db: Db, runId: string): Map<string, GroupNoteRow> {
  const rows = (
    stmt(db, `SELECT ${groupNoteRecord.select()} FROM safe_home_group_notes WHERE run_id = ?`).all(runId) as RowOf<
      typeof groupNoteRecord.columns
    >[]
  ).map((r) => groupNoteRecord.toView(r));
  return new Map(rows.map((r) => [r.sessionId, r]));
}

/** Write a session's group note; an empty note removes it. */
export function putGroupNote(db: Db, row: Omit<GroupNoteRow, 'version'>): void {
  if (row.text.trim() === '') {
    stmt(db, 'DELETE FROM safe_home_group_notes WHERE session_id = ?').run(row.sessionId);
    return;
  }
  stmt(
    db,
    `INSERT INTO safe_home_group_notes (session_id, run_id, text, written_at, written_by)
       VALUES (@session_id, @run_id, @text, @written_at, @written_by)
     ON CONFLICT (session_id) DO UPDATE SET text = excluded.text, written_at = excluded.written_at,
       written_by = excluded.written_by, version = version + 1`,
  ).run(groupNoteRecord.toRow(row));
}

/** Names of users, by id (facilitators, authors), in one query. */
export function userNames(db: Db, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = stmt(db, 'SELECT id, display_name AS n FROM users WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify([...new Set(ids)]),
  ) as { id: string; n: string }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}
