/**
 * What every Safe Home write checks and writes alike: a finished run refuses writes, a stale
 * version is a CONFLICT, and the audit rows name the run and each case a write touches (one row
 * per case, so each case's own audit trail shows it; one row without a case when none is).
 */
import type { FamilyName } from '../../../preload/contract/safe-home-rules';
import { formatUkDate } from '../cases/dates';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { requireRun } from './run-view';
import type { RunRow } from './runs.repo';

/** The run, refusing a write to it once finished, saying how to reopen it. */
export function requireOpenRun(db: Db, runId: string): RunRow {
  const run = requireRun(db, runId);
  if (run.closedOn !== null) {
    throw new AppError(
      'INVALID_INPUT',
      `This Safe Home run finished on ${formatUkDate(run.closedOn)}, so it cannot be changed. Reopen the run, saying why, to correct it.`,
    );
  }
  return run;
}

export function stale(what: string): AppError {
  return new AppError(
    'CONFLICT',
    `Someone changed this ${what} while you were working on it. Reload it to see their changes, then try again.`,
  );
}

export function auditForCases(
  vault: OpenVault,
  entry: { action: string; entityType: string; entityId: string; runId: string; detail?: Record<string, unknown> },
  caseIds: readonly string[],
): void {
  const detail = { runId: entry.runId, ...entry.detail };
  const base = { action: entry.action, entityType: entry.entityType, entityId: entry.entityId, detail };
  if (caseIds.length === 0) {
    vault.audit(base);
    return;
  }
  for (const caseId of new Set(caseIds)) vault.audit({ ...base, caseId });
}

/** A date the user gives for something that has happened, refused when after today. */
export function notAfterToday(date: string, today: string, what: string): void {
  if (date > today) {
    throw new AppError(
      'INVALID_INPUT',
      `${what} (${formatUkDate(date)}) is after today. Record it on or after the day.`,
    );
  }
}

/** Split a People-tab name ("Jane Smith") into the parts the names check compares. */
function personName(name: string): FamilyName {
  const words = name.trim().split(/\s+/);
  const [first = '', ...rest] = words;
  return { givenName: first || null, familyName: rest.length > 0 ? rest.join(' ') : null, otherNames: words };
}

/**
 * The names of a family that no other family may see: the young person and every family
 * member on the People tab (parents and carers, siblings, other children at home). Professionals
 * and referrers are not family, and appear in no Safe Home text.
 */
export function familyNames(db: Db, caseIds: readonly string[]): FamilyName[] {
  if (caseIds.length === 0) return [];
  const list = JSON.stringify([...new Set(caseIds)]);
  const young = stmt(
    db,
    'SELECT given_name, family_name FROM young_people WHERE case_id IN (SELECT value FROM json_each(?))',
  ).all(list) as { given_name: string | null; family_name: string | null }[];
  const people = stmt(
    db,
    `SELECT name FROM case_people WHERE case_id IN (SELECT value FROM json_each(?))
        AND kind IN ('parent_carer', 'sibling', 'household_child')`,
  ).all(list) as { name: string }[];
  return [
    ...young.map((y) => ({ givenName: y.given_name, familyName: y.family_name })),
    ...people.map((p) => personName(p.name)),
  ];
}

/** "Amy, Smith and Ben": the words found, for an error message. */
export function wordList(words: readonly string[]): string {
  const quoted = words.map((w) => `“${w}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
