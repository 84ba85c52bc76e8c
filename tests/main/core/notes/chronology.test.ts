/** The chronology's filters, its upcoming events and its summaries, on a real encrypted vault. */
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHRONOLOGY_GROUPS,
  chronologyFilterSchema,
  type ChronologyGroup,
} from '../../../../preload/contract/chronology';
import { setCaseStatus } from '../../../../main/core/cases/case-status.service';
import { setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { completeTask, createTask, raiseFlag } from '../../../../main/core/casework/work.service';
import { importDocument } from '../../../../main/core/documents/documents.service';
// Loading the IPC module registers documents as a chronology source, as the core does at start-up.
import '../../../../main/core/documents/documents.ipc';
import { chronologySql, filteredChronologySql, getChronology } from '../../../../main/core/notes/chronology';
import { clipSummary } from '../../../../main/core/notes/summary';
import { createNote } from '../../../../main/core/notes/notes.service';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const note = (text: string, thirdPartySensitive = false, occurredAt = '2025-06-10T09:30:00Z') => ({
  occurredAt,
  type: 'case_note' as const,
  text,
  thirdPartySensitive,
});

/** A case with one event or more of every group, two notes holding third-party information. */
async function busyCase() {
  let c = newCase(t.vault, { referralDate: '2025-05-01' });
  t.setNow('2025-05-02T09:00:00Z');
  c = setCaseStatus(t.vault, {
    caseId: c.id,
    expectedVersion: c.version,
    status: 'accepted',
    reason: null,
    closingSummary: null,
  });
  setPaperworkReceived(t.vault, {
    caseId: c.id,
    typeId: 'referral_form',
    receivedDate: '2025-05-01',
    notes: null,
    acknowledgeBeforeReferral: false,
  });
  t.setNow('2025-06-15T10:00:00Z');
  createNote(t.vault, c.id, note('Sister disclosed to her teacher.', true, '2025-06-01T10:00:00Z'));
  createNote(t.vault, c.id, note('Victim’s family moved.', true, '2025-06-02T10:00:00Z'));
  createNote(t.vault, c.id, note('School meeting held.', false, '2025-06-03T10:00:00Z'));
  raiseFlag(t.vault, c.id, { reason: 'Placement at risk', addressBy: null });
  const chase = createTask(t.vault, c.id, { title: 'Chase school', ownerId: t.vault.user.id, dueDate: '2025-06-12' });
  completeTask(t.vault, chase.id, chase.version);
  createTask(t.vault, c.id, { title: 'Send the report', ownerId: t.vault.user.id, dueDate: '2025-06-30' });
  createTask(t.vault, c.id, { title: 'Book the meeting', ownerId: t.vault.user.id, dueDate: '2025-06-20' });
  createTask(t.vault, c.id, { title: 'Overdue letter', ownerId: t.vault.user.id, dueDate: '2025-06-14' });
  await importDocument(t.vault, { caseId: c.id, filename: 'referral.pdf' }, Readable.from([Buffer.from('%PDF-1.7\n')]));
  return c;
}

const only = (...groups: ChronologyGroup[]) => chronologyFilterSchema.parse({ groups });

describe('chronology filters', () => {
  it('shows only the chosen groups, and the count says how many of those there are', async () => {
    const c = await busyCase();
    const kindsOf = (...groups: ChronologyGroup[]) => {
      const page = getChronology(t.vault, c.id, 50, 0, only(...groups));
      expect(page.total).toBe(page.items.length);
      return new Set(page.items.map((e) => e.kind));
    };
    expect(kindsOf('notes')).toEqual(new Set(['note']));
    expect(kindsOf('status')).toEqual(new Set(['referral', 'status_change']));
    expect(kindsOf('flags')).toEqual(new Set(['flag_raised']));
    expect(kindsOf('tasks')).toEqual(new Set(['task_due', 'task_done']));
    expect(kindsOf('paperwork')).toEqual(new Set(['paperwork_received']));
    expect(kindsOf('documents')).toEqual(new Set(['document_added']));
    expect(kindsOf('notes', 'flags')).toEqual(new Set(['note', 'flag_raised']));
    expect(getChronology(t.vault, c.id, 50, 0, only('notes')).total).toBe(3);
  });

  it('leaves the fragments of groups not chosen out of the query', () => {
    const sql = filteredChronologySql(only('notes'));
    expect(sql?.page).toContain('FROM notes');
    expect(sql?.page).not.toContain('FROM tasks');
    expect(sql?.page).not.toContain('case_paperwork');
    expect(sql?.count).not.toContain('FROM flags');
  });

  it('filters by third-party information, and keeps the filter while paging', async () => {
    const c = await busyCase();
    const tp = (thirdParty: 'all' | 'only' | 'without', limit = 50, offset = 0) =>
      getChronology(t.vault, c.id, limit, offset, chronologyFilterSchema.parse({ thirdParty }));
    const withTp = tp('only');
    expect(withTp.total).toBe(2);
    expect(withTp.items.map((e) => e.summary)).toEqual([
      'case note: Victim’s family moved.',
      'case note: Sister disclosed to her teacher.',
    ]);
    expect(withTp.items.every((e) => e.thirdPartySensitive)).toBe(true);
    const without = tp('without');
    expect(without.items.some((e) => e.thirdPartySensitive)).toBe(false);
    expect(without.total + withTp.total).toBe(tp('all').total);
    expect(tp('only', 1, 1).items.map((e) => e.summary)).toEqual(['case note: Sister disclosed to her teacher.']);
    const notesWithout = getChronology(t.vault, c.id, 50, 0, { groups: ['notes'], thirdParty: 'without' });
    expect(notesWithout.items.map((e) => e.summary)).toEqual(['case note: School meeting held.']);
  });

  it('is validated by the contract: at least one known group', () => {
    expect(chronologyFilterSchema.parse({})).toEqual({
      groups: [...CHRONOLOGY_GROUPS],
      thirdParty: 'all',
    });
    const none = chronologyFilterSchema.safeParse({ groups: [] });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toBe('Choose at least one kind of event to show.');
    expect(chronologyFilterSchema.safeParse({ groups: ['secrets'] }).success).toBe(false);
    expect(chronologyFilterSchema.safeParse({ thirdParty: 'some' }).success).toBe(false);
  });
});

describe('upcoming events', () => {
  it('shows future due dates apart, soonest first, and keeps them out of what has happened', async () => {
    const c = await busyCase();
    const page = getChronology(t.vault, c.id, 50, 0);
    expect(page.upcoming.map((e) => [e.at, e.summary])).toEqual([
      ['2025-06-20', 'Task due: Book the meeting'],
      ['2025-06-30', 'Task due: Send the report'],
    ]);
    expect(page.upcomingTotal).toBe(2);
    expect(page.items.every((e) => e.at.slice(0, 10) <= '2025-06-15')).toBe(true);
    // The overdue task's due date has passed: it happened, and shows in the history.
    expect(page.items.filter((e) => e.kind === 'task_due').map((e) => e.summary)).toEqual([
      'Task due: Overdue letter',
      'Task due: Chase school',
    ]);
    expect(page.items[0]?.at.slice(0, 10)).toBe('2025-06-15');
    // Filtering out tasks leaves nothing upcoming.
    expect(getChronology(t.vault, c.id, 50, 0, only('notes')).upcoming).toEqual([]);
    // When the day comes, the event moves into the history.
    t.setNow('2025-06-21T09:00:00Z');
    const later = getChronology(t.vault, c.id, 50, 0);
    expect(later.upcoming.map((e) => e.summary)).toEqual(['Task due: Send the report']);
    expect(later.items[0]).toMatchObject({ kind: 'task_due', at: '2025-06-20' });
  });

  it('keeps the full, unfiltered query for the report engine, newest first', async () => {
    const c = await busyCase();
    const rows = t.vault.db.prepare(chronologySql()).all({ caseId: c.id, limit: 100, offset: 0 }) as { at: string }[];
    expect(rows.length).toBe(getChronology(t.vault, c.id, 100, 0).total + 2);
    expect(rows[0]?.at).toBe('2025-06-30');
  });
});

describe('summaries', () => {
  it('are cut at a word boundary with a single-character ellipsis, never mid-word', () => {
    const c = newCase(t.vault);
    const words = 'Attended the strategy meeting with children’s social care and the police liaison officer. '.repeat(
      5,
    );
    createNote(t.vault, c.id, note(words));
    const summary = getChronology(t.vault, c.id, 10, 0, only('notes')).items[0]?.summary ?? '';
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary).not.toContain('...');
    const kept = summary.slice(0, -1).replace(/^case note: /, '');
    // What is kept ends where a word of the original ends.
    expect(words.startsWith(kept)).toBe(true);
    expect(/\s/.test(words.charAt(kept.length)) || /[.,]/.test(words.charAt(kept.length))).toBe(true);
  });

  it('puts a note on one line and leaves short summaries whole', () => {
    expect(clipSummary('First line.\n\nSecond  line.')).toBe('First line. Second line.');
    expect(clipSummary('Short')).toBe('Short');
    expect(clipSummary('one two three four', 12)).toBe('one two…');
    expect(clipSummary('x'.repeat(30), 12)).toBe(`${'x'.repeat(11)}…`);
    expect(clipSummary('a'.repeat(12), 12)).toBe('a'.repeat(12));
  });
});
