/**
 * The printable chronology: every event of the case, oldest first, and the tasks still to come
 * in their own "Upcoming" section. Oldest first because a printed chronology is read as the
 * case's story (for a case review, a strategy meeting or a court), where the screen shows the
 * newest first for a quick look at what changed. The events come from the same `chronologySql()`
 * the Chronology tab pages through, so every module's events are in both.
 */
import { displayName } from '../cases/caseload.service';
import { loadCaseDetail } from '../cases/cases.service';
import { stmt } from '../db/statements';
import { CHRONOLOGY_KINDS, isChronologyKind } from '../../../preload/contract/chronology-kinds';
import { chronologySql } from '../notes/chronology';
import { clipSummary } from '../notes/summary';
import { londonDay, ukDate, ukWhen } from './format';
import type { Block, ReportContent, TableRow } from './model';
import { registerReportKind, type ReportContext, type ReportKind } from './registry';

interface EventRow {
  at: string;
  kind: string;
  entityId: string;
  summary: string;
  actorName: string | null;
  thirdParty: number;
}

interface UpcomingTask {
  title: string;
  dueDate: string;
  owner: string | null;
}

/** The kind's label from its one definition (contract `chronology-kinds.ts`). */
export function kindLabel(kind: string): string {
  return isChronologyKind(kind) ? CHRONOLOGY_KINDS[kind].label : sentence(kind.replace(/_/g, ' '));
}

/** Summaries come from each module's SQL; some start lower-case ("case note: ..."). */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every event, oldest first (the chronology's SQL sorts newest first; -1 means no limit). */
function allEvents(ctx: ReportContext): EventRow[] {
  const rows = stmt(ctx.db, chronologySql()).all({ caseId: ctx.caseId, limit: -1, offset: 0 }) as EventRow[];
  return rows.reverse();
}

function openTasksDueAfter(ctx: ReportContext): UpcomingTask[] {
  return stmt(
    ctx.db,
    `SELECT t.title, t.due_date AS dueDate, u.display_name AS owner
       FROM tasks t LEFT JOIN users u ON u.id = t.owner_id
      WHERE t.case_id = @caseId AND t.done_at IS NULL AND t.due_date > @today
      ORDER BY t.due_date, t.title`,
  ).all({ caseId: ctx.caseId, today: ctx.today }) as UpcomingTask[];
}

function eventRow(e: EventRow): TableRow {
  // Cut at a word with an ellipsis, as on screen: the printout is a chronology, not the notes.
  const summary = sentence(clipSummary(e.summary));
  return {
    cells: [
      ukWhen(e.at),
      kindLabel(e.kind),
      e.thirdParty === 1 ? { text: summary, thirdParty: true } : summary,
      e.actorName ?? '-',
    ],
  };
}

/** A table of events with the chronology's columns; `what` heads the summary column. */
function eventTable(events: readonly EventRow[], text: { caption: string; what: string; empty: string }): Block {
  return {
    kind: 'table',
    caption: text.caption,
    columns: [
      { header: 'Date', weight: 16 },
      { header: 'Kind', weight: 13 },
      { header: text.what, weight: 52 },
      { header: 'Who', weight: 19 },
    ],
    rows: events.map(eventRow),
    empty: text.empty,
  };
}

export function buildChronology(ctx: ReportContext): ReportContent {
  const c = loadCaseDetail(ctx.db, ctx.caseId, ctx.today);
  const yp = c.youngPerson;
  // What has happened is dated today or earlier. Tasks yet to come are listed from the tasks
  // themselves (open, due after today), so a task done early never shows as upcoming; any other
  // future-dated event a module may add goes with them rather than among what has happened.
  const events = allEvents(ctx);
  const happened = events.filter((e) => londonDay(e.at) <= ctx.today);
  const laterEvents = events.filter((e) => londonDay(e.at) > ctx.today && e.kind !== 'task_due');
  const tasks = openTasksDueAfter(ctx);
  const thirdParty = happened.some((e) => e.thirdParty === 1) || laterEvents.some((e) => e.thirdParty === 1);

  const blocks: Block[] = [
    {
      kind: 'keyValues',
      items: [
        { key: 'Young person', value: displayName(yp.givenName, yp.familyName, yp.initials ?? '') || 'Not recorded' },
        { key: 'Date of birth', value: yp.dateOfBirth ? ukDate(yp.dateOfBirth) : 'Not recorded' },
        { key: 'Referral date', value: ukDate(c.referralDate) },
        { key: 'Case status', value: sentence(c.status) },
        { key: 'Lead worker', value: c.leadWorkerName ?? 'Not allocated' },
      ],
    },
  ];
  if (thirdParty) {
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      text:
        'Entries marked THIRD-PARTY INFORMATION are about other people (for example a victim or a sibling). ' +
        'Remove them before sharing this chronology with the young person or their family, for example in answer to a subject access request.',
    });
  }
  blocks.push(
    {
      kind: 'heading',
      level: 1,
      text: `What has happened (${happened.length} ${happened.length === 1 ? 'event' : 'events'})`,
    },
    eventTable(happened, {
      caption: `Oldest first, up to and including ${ukDate(ctx.today)}.`,
      what: 'What happened',
      empty: 'Nothing has been recorded on this case yet.',
    }),
    { kind: 'heading', level: 1, text: 'Upcoming' },
    {
      kind: 'table',
      caption: `Open tasks due after ${ukDate(ctx.today)}, soonest first.`,
      columns: [
        { header: 'Due', weight: 16 },
        { header: 'Task', weight: 65 },
        { header: 'Owner', weight: 19 },
      ],
      rows: tasks.map((t) => ({ cells: [ukDate(t.dueDate), t.title, t.owner ?? '-'] })),
      empty: 'No open tasks are due after today.',
    },
  );
  if (laterEvents.length > 0) {
    blocks.push(eventTable(laterEvents, { caption: 'Other entries dated after today.', what: 'What', empty: '' }));
  }
  return { blocks, caseReference: c.reference };
}

export const chronologyReport: ReportKind = { id: 'chronology', title: 'Chronology', build: buildChronology };

registerReportKind(chronologyReport);
