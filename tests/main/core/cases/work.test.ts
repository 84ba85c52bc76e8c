import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseFlags,
  clearFlag,
  completeTask,
  createTask,
  listTasks,
  raiseFlag,
  taskState,
} from '../../../../main/core/cases/work.service';
import { auditActions, makeVault, newCase, type TestVault } from './fixtures';

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
    const done = completeTask(t.vault, mine.id);
    expect(done).toMatchObject({ state: 'done', caseReference: c.reference });
    expect(() => completeTask(t.vault, mine.id)).toThrow(/already done/);
    expect(titles('overdue', 'mine')).toEqual([]);
  });

  it('must belong to a clinician or administrator', () => {
    const c = newCase(t.vault);
    expect(() =>
      createTask(t.vault, c.id, { title: 'x', ownerId: '00000000-0000-4000-8000-000000000000', dueDate: null }),
    ).toThrow(/active clinician/);
  });
});
