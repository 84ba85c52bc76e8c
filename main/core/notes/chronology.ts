/**
 * The chronology: every dated event of a case, across modules, newest first.
 *
 * Each module registers an SQL fragment that selects its events for `@caseId` as
 * (at, kind, entity_id, summary, actor_name, third_party). The fragments are joined with
 * UNION ALL and sorted once, so a new module (documents, consultations, sessions...) adds one
 * `registerChronologySource` call and nothing else changes. `at` is an ISO date or date-time:
 * both sort correctly as text, a date-only event sorting as the start of its day.
 */
import type { Page } from '../../../preload/contract/case-records';
import type { ChronologyEvent } from '../../../preload/contract/casework';
import { auditedRead } from '../cases/cases.service';
import { stmt } from '../cases/sql';
import type { OpenVault } from '../vault/vault';

export interface ChronologySource {
  /** The event kind(s) this fragment produces; for documentation and tests. */
  kinds: string[];
  /** SELECT at, kind, entity_id, summary, actor_name, third_party ... WHERE ... = @caseId */
  sql: string;
}

const USER = (col: string) => `(SELECT display_name FROM users u WHERE u.id = ${col})`;

const sources: ChronologySource[] = [
  {
    kinds: ['referral'],
    sql: `SELECT referral_date AS at, 'referral' AS kind, id AS entity_id,
            'Referral received' || coalesce(' from ' || referral_source, '') AS summary, NULL AS actor_name, 0 AS third_party
          FROM cases WHERE id = @caseId`,
  },
  {
    kinds: ['status_change'],
    sql: `SELECT changed_at, 'status_change', id, 'Status changed from ' || from_status || ' to ' || to_status
            || coalesce(': ' || reason, ''), ${USER('changed_by')}, 0
          FROM case_status_history WHERE case_id = @caseId AND from_status IS NOT NULL`,
  },
  {
    kinds: ['note'],
    sql: `SELECT occurred_at, 'note', id, replace(type, '_', ' ') || ': ' || substr(text, 1, 200), ${USER('author_id')},
            third_party_sensitive
          FROM notes WHERE case_id = @caseId`,
  },
  {
    kinds: ['flag_raised', 'flag_cleared'],
    sql: `SELECT raised_at, 'flag_raised', id, 'Flag raised: ' || reason, ${USER('raised_by')}, 0
          FROM flags WHERE case_id = @caseId
          UNION ALL
          SELECT cleared_at, 'flag_cleared', id, 'Flag cleared: ' || coalesce(clearing_note, ''), ${USER('cleared_by')}, 0
          FROM flags WHERE case_id = @caseId AND cleared_at IS NOT NULL`,
  },
  {
    kinds: ['task_due', 'task_done'],
    sql: `SELECT due_date, 'task_due', id, 'Task due: ' || title, ${USER('owner_id')}, 0
          FROM tasks WHERE case_id = @caseId AND due_date IS NOT NULL
          UNION ALL
          SELECT done_at, 'task_done', id, 'Task done: ' || title, ${USER('done_by')}, 0
          FROM tasks WHERE case_id = @caseId AND done_at IS NOT NULL`,
  },
  {
    kinds: ['paperwork_received'],
    sql: `SELECT p.received_date, 'paperwork_received', p.type_id, t.name || ' received', ${USER('p.updated_by')}, 0
          FROM case_paperwork p JOIN paperwork_item_types t ON t.id = p.type_id
          WHERE p.case_id = @caseId AND p.received_date IS NOT NULL`,
  },
];

/** Add a module's events to the chronology (called once at start-up by that module). */
export function registerChronologySource(source: ChronologySource): void {
  sources.push(source);
}

export function chronologySql(): string {
  // The first fragment names the columns for the whole union.
  return `SELECT at, kind, entity_id AS entityId, summary, actor_name AS actorName, third_party AS thirdParty
          FROM (${sources.map((s) => s.sql).join('\nUNION ALL\n')})
          ORDER BY at DESC, kind, entity_id LIMIT @limit OFFSET @offset`;
}

function countSql(): string {
  return `SELECT count(*) AS n FROM (${sources.map((s) => s.sql).join('\nUNION ALL\n')})`;
}

/** One page of a case's chronology. Audited as a read of the case. */
export function getChronology(vault: OpenVault, caseId: string, limit: number, offset: number): Page<ChronologyEvent> {
  return auditedRead(vault, caseId, 'chronology', () => {
    const rows = stmt(vault.db, chronologySql()).all({ caseId, limit, offset }) as (Omit<
      ChronologyEvent,
      'thirdPartySensitive'
    > & {
      thirdParty: number;
    })[];
    const total = (stmt(vault.db, countSql()).get({ caseId }) as { n: number }).n;
    return {
      items: rows.map(({ thirdParty, ...e }) => ({ ...e, thirdPartySensitive: thirdParty === 1 })),
      total,
      offset,
      limit,
    };
  });
}
