import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseFlags,
  clearFlag,
  completeTask,
  createTask,
  listTasks,
  raiseFlag,
  taskState,
} from '../../../../main/core/casework/work.service';
import { auditActions, makeVault, newCase, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

describe('flags', () => {
  it('are raised, become overdue, are cleared with a note and stay in the history', () => {
    const c = newCase(t.vault);
    const f = raiseFlag(t.vault, c.id, { reason: 'New police information', addressBy: '2025-06-20' });
    expect(f).toMatchObject({ state: 'open', raisedByName: 'Ada Admin', clearedAt: null });
    t.setNow('2025-06-21T09:00:00Z');
    expect(caseFlags(t.vault, c.id)[0]?.state).toBe('overdue');
    const cleared = clearFlag(t.vault, f.id, 'Discussed at strategy meeting');
    expect(cleared).toMatchObject({ state: 'cleared', clearingNote: 'Discussed at strategy meeting', version: 2 });
    expect(() => clearFlag(t.vault, f.id, 'again')).toThrow(/already been cleared/);
    raiseFlag(t.vault, c.id, { reason: 'Placement change', addressBy: null });
    expect(caseFlags(t.vault, c.id).map((x) => x.state)).toEqual(['open', 'cleared']);
    expect(auditActions(t.vault, c.id)).toEqual(expect.arrayContaining(['flag.raise', 'flag.clear']));
  });

  it('refuses an address-by date in the past', () => {
    const c = newCase(t.vault);
    expect(() => raiseFlag(t.vault, c.id, { reason: 'x', addressBy: '2025-06-14' })).toThrow(/in the past/);
  });
});

describe('tasks', () => {
  it('have states relative to today', () => {
    expect(taskState({ doneAt: null, dueDate: null }, '2025-06-15')).toBe('open');
    expect(taskState({ doneAt: null, dueDate: '2025-06-14' }, '2025-06-15')).toBe('overdue');
    expect(taskState({ doneAt: null, dueDate: '2025-06-15' }, '2025-06-15')).toBe('due_soon');
    expect(taskState({ doneAt: null, dueDate: '2025-06-22' }, '2025-06-15')).toBe('due_soon');
    expect(taskState({ doneAt: null, dueDate: '2025-06-23' }, '2025-06-15')).toBe('open');
    expect(taskState({ doneAt: '2025-06-01T00:00:00Z', dueDate: '2025-05-01' }, '2025-06-15')).toBe('done');
  });

  it('list overdue and due-soon work for me or everyone, and complete once', async () => {
    const other = await t.vault.addUser({
      username: 'clin',
      displayName: 'Cal Clinician',
      password: 'another long password',
      role: 'clinician',
    });
    const c = newCase(t.vault);
    const mine = createTask(t.vault, c.id, {
      title: 'Chase school report',
      ownerId: t.vault.user.id,
      dueDate: '2025-06-10',
    });
    createTask(t.vault, c.id, { title: 'Book professionals meeting', ownerId: t.vault.user.id, dueDate: '2025-06-20' });
    createTask(t.vault, c.id, { title: 'Write up consultation', ownerId: other.id, dueDate: '2025-06-16' });
    createTask(t.vault, c.id, { title: 'Someday', ownerId: t.vault.user.id, dueDate: null });
    const titles = (view: 'overdue' | 'due_soon' | 'open', scope: 'mine' | 'all') =>
      listTasks(t.vault, { view, scope, limit: 50, offset: 0 }).items.map((x) => x.title);
    expect(titles('overdue', 'mine')).toEqual(['Chase school report']);
    expect(titles('due_soon', 'mine')).toEqual(['Book professionals meeting']);
    expect(titles('due_soon', 'all')).toEqual(['Write up consultation', 'Book professionals meeting']);
    expect(titles('open', 'mine')).toEqual(['Chase school report', 'Book professionals meeting', 'Someday']);
    const done = completeTask(t.vault, mine.id, mine.version);
    expect(done).toMatchObject({ state: 'done', caseReference: c.reference });
    expect(() => completeTask(t.vault, mine.id, mine.version)).toThrow(/already been marked done by Ada Admin/);
    expect(titles('overdue', 'mine')).toEqual([]);
  });

  it('must belong to a clinician or administrator', () => {
    const c = newCase(t.vault);
    expect(() =>
      createTask(t.vault, c.id, { title: 'x', ownerId: '00000000-0000-4000-8000-000000000000', dueDate: null }),
    ).toThrow(/active clinician/);
  });
});

describe('my tasks', () => {
  it('pages every overdue task past 50, each with the young person’s name beside the reference', () => {
    const cases = [
      newCase(t.vault, {}, { givenName: 'Amelia', familyName: 'Hughes' }),
      newCase(
        t.vault,
        { consultationOnly: true, servicesRequested: ['consultation'] },
        { givenName: null, familyName: null, initials: 'JT' },
      ),
    ];
    for (let i = 0; i < 63; i++) {
      const c = cases[i % 2] as (typeof cases)[number];
      const day = String((i % 28) + 1).padStart(2, '0');
      createTask(t.vault, c.id, { title: `Overdue ${i}`, ownerId: t.vault.user.id, dueDate: `2025-05-${day}` });
    }
    const page = (offset: number) => listTasks(t.vault, { view: 'overdue', scope: 'mine', limit: 50, offset });
    const first = page(0);
    const second = page(50);
    expect(first.total).toBe(63);
    expect(first.items).toHaveLength(50);
    expect(second.items).toHaveLength(13);
    const ids = [...first.items, ...second.items].map((x) => x.id);
    expect(new Set(ids).size).toBe(63);
    const dues = [...first.items, ...second.items].map((x) => x.dueDate ?? '');
    expect([...dues].sort()).toEqual(dues);
    const names = new Map(first.items.map((x) => [x.caseReference, x.youngPersonName]));
    expect(names.get(cases[0]?.reference ?? '')).toBe('Amelia Hughes');
    expect(names.get(cases[1]?.reference ?? '')).toBe('JT');
    // Each page is one audit row naming no young person.
    const rows = t.vault.db.prepare(`SELECT detail FROM audit_log WHERE action = 'task.list'`).all() as {
      detail: string;
    }[];
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.detail).join()).not.toMatch(/Amelia|Hughes/);
  });

  it('marks a task done only at the version seen, and says why when it cannot', () => {
    const c = newCase(t.vault);
    const task = createTask(t.vault, c.id, { title: 'Chase GP', ownerId: t.vault.user.id, dueDate: '2025-06-01' });
    expect(() => completeTask(t.vault, task.id, task.version + 1)).toThrow(/Someone else changed this task/);
    expect(listTasks(t.vault, { view: 'overdue', scope: 'mine', limit: 50, offset: 0 }).total).toBe(1);
    const done = completeTask(t.vault, task.id, task.version);
    expect(done).toMatchObject({ state: 'done', doneByName: 'Ada Admin', version: task.version + 1 });
    expect(() => completeTask(t.vault, task.id, task.version)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'This task has already been marked done by Ada Admin.' }),
    );
    expect(auditActions(t.vault, c.id).filter((a) => a === 'task.complete')).toHaveLength(1);
  });
});
