import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCaseStatus } from '../../../../main/core/cases/case-status.service';
import { setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { clearFlag, completeTask, createTask, raiseFlag } from '../../../../main/core/casework/work.service';
import { getChronology, registerChronologySource } from '../../../../main/core/notes/chronology';
import { createNote, listNotes, noteHistory, updateNote } from '../../../../main/core/notes/notes.service';
import { auditActions, makeVault, newCase, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const note = (text: string, occurredAt = '2025-06-10T09:30:00+01:00') => ({
  occurredAt,
  type: 'phone_call' as const,
  text,
  thirdPartySensitive: false,
});

describe('notes', () => {
  it('are stored in UTC, edited with history kept, and audited without their text', () => {
    const c = newCase(t.vault);
    const n = createNote(t.vault, c.id, note('Spoke to the social worker about the meeting.'));
    expect(n).toMatchObject({ occurredAt: '2025-06-10T08:30:00.000Z', authorName: 'Ada Admin', version: 1 });
    t.setNow('2025-06-15T11:00:00Z');
    const edited = updateNote(t.vault, n.id, 1, {
      ...note('Spoke to the social worker; meeting booked.'),
      thirdPartySensitive: true,
    });
    expect(edited).toMatchObject({
      version: 2,
      thirdPartySensitive: true,
      text: 'Spoke to the social worker; meeting booked.',
    });
    expect(() => updateNote(t.vault, n.id, 1, note('stale'))).toThrow(/edited this note/);
    expect(noteHistory(t.vault, n.id)).toEqual([
      expect.objectContaining({
        version: 1,
        text: 'Spoke to the social worker about the meeting.',
        writtenByName: 'Ada Admin',
        writtenAt: '2025-06-15T10:00:00.000Z',
      }),
    ]);
    const details = t.vault.db.prepare(`SELECT detail FROM audit_log WHERE case_id = ?`).all(c.id) as {
      detail: string;
    }[];
    expect(details.map((d) => d.detail).join(' ')).not.toMatch(/social worker/);
    expect(auditActions(t.vault, c.id)).toEqual(['case.create', 'note.create', 'note.update', 'case.read']);
  });

  it('refuses a note dated in the future', () => {
    const c = newCase(t.vault);
    expect(() => createNote(t.vault, c.id, note('x', '2025-06-16T10:00:00Z'))).toThrow(/future/);
  });

  it('list newest first, paged, and audit the read', () => {
    const c = newCase(t.vault);
    for (let d = 1; d <= 5; d++) createNote(t.vault, c.id, note(`Note ${d}`, `2025-06-0${d}T10:00:00Z`));
    const page = listNotes(t.vault, c.id, 2, 1);
    expect(page.total).toBe(5);
    expect(page.items.map((n) => n.text)).toEqual(['Note 4', 'Note 3']);
    expect(auditActions(t.vault, c.id).at(-1)).toBe('case.read');
  });
});

describe('chronology', () => {
  it('merges every dated event of the case, newest first, paged', () => {
    let c = newCase(t.vault, { referralDate: '2025-05-01', referralSource: 'Leeds CSC' });
    t.setNow('2025-05-02T09:00:00Z');
    c = setCaseStatus(t.vault, {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'accepted',
      reason: 'Meets criteria',
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
    createNote(t.vault, c.id, note('Professionals meeting arranged.', '2025-05-20T14:00:00Z'));
    const f = raiseFlag(t.vault, c.id, { reason: 'Placement at risk', addressBy: null });
    clearFlag(t.vault, f.id, 'Placement stable');
    const task = createTask(t.vault, c.id, { title: 'Send report', ownerId: t.vault.user.id, dueDate: '2025-06-30' });
    completeTask(t.vault, task.id, task.version);
    const all = getChronology(t.vault, c.id, 50, 0);
    const ats = all.items.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(all.items.at(-1)).toMatchObject({
      kind: 'referral',
      at: '2025-05-01',
      summary: 'Referral received from Leeds CSC',
    });
    // The task was done before its due date: that date never came, so it is no event.
    expect(all.items.find((e) => e.kind === 'task_due')).toBeUndefined();
    expect(all.upcoming).toEqual([]);
    expect(all.items.find((e) => e.kind === 'note')?.summary).toBe('phone call: Professionals meeting arranged.');
    expect(new Set(all.items.map((e) => e.kind))).toEqual(
      new Set(['referral', 'status_change', 'paperwork_received', 'note', 'flag_raised', 'flag_cleared', 'task_done']),
    );
    expect(all.total).toBe(7);
    const page2 = getChronology(t.vault, c.id, 3, 3);
    expect(page2.items).toEqual(all.items.slice(3, 6));
    expect(auditActions(t.vault, c.id).filter((a) => a === 'case.read')).toHaveLength(2);
  });

  it('takes events from modules registered later', () => {
    const c = newCase(t.vault, { referralDate: '2025-05-01' });
    // A kind must be defined in the contract to be registered: borrow one a later module gives.
    registerChronologySource({
      kinds: ['bundle_received'],
      sql: `SELECT '2025-05-03', 'bundle_received', id, 'A later module', NULL, 0 FROM cases WHERE id = @caseId`,
    });
    expect(getChronology(t.vault, c.id, 10, 0).items.map((e) => e.summary)).toContain('A later module');
  });
});
