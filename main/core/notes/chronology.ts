/**
 * The chronology: every dated event of a case, across modules, newest first.
 *
 * Each module registers an SQL fragment that selects its events for `@caseId` as
 * (at, kind, entity_id, summary, actor_name, third_party), naming the kinds it gives (their
 * group, label and marker are defined once in the contract's `chronology-kinds.ts`). The
 * fragments are joined with UNION ALL and sorted once, so a new module (documents,
 * consultations, sessions...) adds one `registerChronologySource` call and nothing else changes.
 * `at` is an ISO date or date-time: both sort correctly as text, a date-only event sorting as
 * the start of its day.
 *
 * Filtering by group leaves whole fragments out of the union (it never filters after it), so a
 * filtered chronology of the largest case costs no more than the fragments it shows.
 */
import {
  CHRONOLOGY_GROUPS,
  type ChronologyEvent,
  type ChronologyFilter,
  type ChronologyGroup,
  type ChronologyPage,
} from '../../../preload/contract/chronology';
import { chronologyKind, type ChronologyKind } from '../../../preload/contract/chronology-kinds';
import { auditedRead, today } from '../cases/cases.service';
import { stmt } from '../db/statements';
import type { OpenVault } from '../vault/vault';
import { clipSummary } from './summary';

export { clipSummary } from './summary';

export interface ChronologySource {
  /**
   * The event kind(s) this fragment produces, each defined in the contract's
   * `chronology-kinds.ts` (which gives the filter group); all of one group.
   */
  kinds: readonly [ChronologyKind, ...ChronologyKind[]];
  /**
   * Whether the fragment can give events dated after today (a due date). Only these fragments
   * are asked for upcoming events, so the other fragments are read once per page, not twice.
   */
  mayBeUpcoming?: boolean;
  /** SELECT at, kind, entity_id, summary, actor_name, third_party ... WHERE ... = @caseId */
  sql: string;
}

const USER = (col: string) => `(SELECT display_name FROM users u WHERE u.id = ${col})`;

/** How much of a note's text the fragment reads: more than the summary shows, so it can be cut at a word. */
const NOTE_TEXT_READ = 300;

/** The most upcoming events returned with a page (a case has few open tasks due later). */
const UPCOMING_LIMIT = 50;

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
    sql: `SELECT occurred_at, 'note', id, replace(type, '_', ' ') || ': ' || substr(text, 1, ${NOTE_TEXT_READ}),
            ${USER('author_id')}, third_party_sensitive
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
    mayBeUpcoming: true,
    // A task done before its due date never reached that date: its due date is no event.
    sql: `SELECT due_date, 'task_due', id, 'Task due: ' || title, ${USER('owner_id')}, 0
          FROM tasks WHERE case_id = @caseId AND due_date IS NOT NULL
            AND (done_at IS NULL OR due_date <= substr(done_at, 1, 10))
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

/**
 * Add a module's events to the chronology (called once at start-up by that module). Its kinds
 * must share one group, since filtering leaves whole fragments out.
 */
export function registerChronologySource(source: ChronologySource): void {
  groupOf(source);
  sources.push(source);
}

/** The filter group of a source: that of its kinds, which must agree. */
function groupOf(s: ChronologySource): ChronologyGroup {
  const groups = s.kinds.map((k) => chronologyKind(k).group);
  const first = groups[0] ?? 'other';
  if (groups.some((g) => g !== first))
    throw new Error(`Chronology kinds ${s.kinds.join(', ')} are in different groups.`);
  return first;
}

const EVENT_COLUMNS = 'at, kind, entity_id, summary, actor_name, third_party';

/**
 * The union of the fragments in `groups` (all when not given), or only those that may give
 * future dates, as an SQL prefix (`with`) and a table to select from (`from`, named `events`),
 * with its columns named whichever fragments are chosen. How they are named matters to SQLite's
 * planner (measured on a case with 2,000 notes): one fragment is named by a CTE's column list,
 * which SQLite flattens, so notes alone are read in index order and a page stops after @limit
 * rows (0.8 ms rather than 9 ms); several are named by a first arm that selects no row, in a
 * subquery, because a compound CTE is materialised column by column (the count alone took
 * 2.6-3 ms instead of 0.3-0.6 ms).
 */
function eventsSource(
  groups?: readonly ChronologyGroup[],
  upcomingOnly = false,
): { with: string; from: string } | null {
  const chosen = sources.filter(
    (s) => (!groups || groups.includes(groupOf(s))) && (!upcomingOnly || s.mayBeUpcoming === true),
  );
  const [only] = chosen;
  if (!only) return null;
  if (chosen.length === 1) return { with: `WITH events(${EVENT_COLUMNS}) AS (${only.sql})`, from: 'events' };
  const names = `SELECT NULL AS at, NULL AS kind, NULL AS entity_id, NULL AS summary, NULL AS actor_name,
      NULL AS third_party WHERE 0`;
  return { with: '', from: `(${[names, ...chosen.map((s) => s.sql)].join('\nUNION ALL\n')}) AS events` };
}

const COLUMNS = 'at, kind, entity_id AS entityId, summary, actor_name AS actorName, third_party AS thirdParty';
const NEWEST_FIRST = 'ORDER BY at DESC, kind, entity_id';

/**
 * The whole chronology of `@caseId`, unfiltered, newest first, paged by `@limit` / `@offset`
 * (the report engine prints it). Summaries are as the fragments give them: pass each through
 * `clipSummary` before showing it.
 */
export function chronologySql(): string {
  const events = eventsSource() as { with: string; from: string };
  return `${events.with} SELECT ${COLUMNS} FROM ${events.from} ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`;
}

const THIRD_PARTY_CONDITION: Record<ChronologyFilter['thirdParty'], string> = {
  all: '1',
  only: 'third_party = 1',
  without: 'third_party = 0',
};

/** Events dated after `@today` have not happened yet (e.g. a task's due date). */
const HAPPENED = 'substr(at, 1, 10) <= @today';

/**
 * The filtered chronology of `@caseId` as three statements taking @caseId and @today (the page
 * also @limit and @offset): what has happened (newest first), its count, and what is upcoming
 * (soonest first, from the fragments that may give future dates). Null when no registered
 * source is in the chosen groups.
 */
export function filteredChronologySql(
  filter: ChronologyFilter,
): { page: string; count: string; upcoming: string } | null {
  const events = eventsSource(filter.groups);
  if (!events) return null;
  const where = `WHERE ${THIRD_PARTY_CONDITION[filter.thirdParty]}`;
  // Nothing can be upcoming when no chosen fragment gives future dates: ask for no rows.
  const upcoming = eventsSource(filter.groups, true);
  return {
    page: `${events.with} SELECT ${COLUMNS} FROM ${events.from} ${where} AND ${HAPPENED}
             ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`,
    count: `${events.with} SELECT count(*) AS n FROM ${events.from} ${where} AND ${HAPPENED}`,
    upcoming: upcoming
      ? `${upcoming.with} SELECT ${COLUMNS}, count(*) OVER () AS upcomingTotal FROM ${upcoming.from} ${where}
           AND NOT (${HAPPENED}) ORDER BY at, kind, entity_id LIMIT ${UPCOMING_LIMIT}`
      : `SELECT NULL AS at WHERE 0`,
  };
}

type EventRow = Omit<ChronologyEvent, 'thirdPartySensitive'> & { thirdParty: number };

const toEvent = ({ thirdParty, summary, ...e }: EventRow): ChronologyEvent => ({
  ...e,
  summary: clipSummary(summary),
  thirdPartySensitive: thirdParty === 1,
});

const EVERYTHING: ChronologyFilter = { groups: [...CHRONOLOGY_GROUPS], thirdParty: 'all' };

/**
 * One page of a case's chronology: what has happened, filtered, newest first, with what is
 * upcoming apart. Audited as a read of the case.
 */
export function getChronology(
  vault: OpenVault,
  caseId: string,
  limit: number,
  offset: number,
  filter: ChronologyFilter = EVERYTHING,
): ChronologyPage {
  const params = { caseId, today: today(vault), limit, offset };
  return auditedRead(vault, caseId, 'chronology', () => {
    const sql = filteredChronologySql(filter);
    if (!sql) return { items: [], total: 0, offset, limit, upcoming: [], upcomingTotal: 0 };
    const rows = stmt(vault.db, sql.page).all(params) as EventRow[];
    const total = (stmt(vault.db, sql.count).get(params) as { n: number }).n;
    const upcoming = stmt(vault.db, sql.upcoming).all(params) as (EventRow & { upcomingTotal: number })[];
    return {
      items: rows.map(toEvent),
      total,
      offset,
      limit,
      upcoming: upcoming.map(({ upcomingTotal: _n, ...e }) => toEvent(e)),
      upcomingTotal: upcoming[0]?.upcomingTotal ?? 0,
    };
  });
}
