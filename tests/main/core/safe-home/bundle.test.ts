/**
 * Safe Home in the case bundle, between two real vaults through the router: a bundle of family
 * A's case carries A's carers, register, notes and safety plans, the run and its sessions, and
 * the group notes of sessions A attended, and nothing of family B (the decrypted bundle is
 * searched for B's names and notes; A's own are found). The run is created on a laptop that
 * lacks it, merged by id on one that has it, and B's bundle adds B to it without touching A.
 */
import { describe, expect, it } from 'vitest';
import { takeApart } from '../bundles/craft';
import { receive, send, type Laptop } from '../bundles/app-fixtures';
import { twoLaptops } from '../bundles/two-laptops';
import { loadUserKeys } from '../../../../main/core/keys/user-keys';
import { A_WORDS, B_WORDS, writeTwoFamilies } from './two-families';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-bundle-safe-home-', (pair) => ({ alice, bob, bobOnAlice } = pair));

const apply = async (to: Laptop, file: string) =>
  to.call<{ caseId: string; conflicts: number }>('bundle:apply', { inboxId: await receive(to, file) });
const count = (l: Laptop, sql: string, ...args: unknown[]) =>
  (
    l.core.manager
      .current()
      .db.prepare(sql)
      .get(...args) as { n: number }
  ).n;

describe('Safe Home in the case bundle', () => {
  it('carries family A’s Safe Home and nothing of family B', async () => {
    const g = writeTwoFamilies(alice.core.manager.current());
    const file = await send(alice, g.a.caseId, bobOnAlice);

    const keys = loadUserKeys(bob.core.manager.current());
    if (!keys) throw new Error('Bob has keys once his card was made');
    const plain = (await takeApart(file, keys.ageIdentity)).map((e) => e.data.toString('utf8')).join('\n');
    for (const w of A_WORDS) expect(plain).toContain(w);
    for (const w of B_WORDS) expect(plain).not.toContain(w);
    expect(plain).not.toContain(g.b.enrolments.grace);
    expect(plain).not.toContain(g.catchUpId);

    const applied = await apply(bob, file);
    expect(applied.conflicts).toBe(0);
    const n = (sql: string) => count(bob, sql);
    expect(n('SELECT count(*) AS n FROM safe_home_runs')).toBe(1);
    expect(n('SELECT count(*) AS n FROM safe_home_sessions')).toBe(13);
    // Session 5: Helen sent apologies and Mark had withdrawn, so its group note stays behind.
    expect(n('SELECT count(*) AS n FROM safe_home_group_notes')).toBe(12);
    expect(n('SELECT count(*) AS n FROM safe_home_enrolments')).toBe(2);
    expect(n('SELECT count(*) AS n FROM safe_home_register')).toBe(26);
    expect(n('SELECT count(*) AS n FROM safe_home_safety_plans')).toBe(2);
    expect(n('SELECT count(*) AS n FROM safe_home_goals')).toBe(1);
    expect(n(`SELECT count(*) AS n FROM safe_home_enrolments WHERE case_id <> '${g.a.caseId}'`)).toBe(0);
    // The second bundle of the same case changes nothing.
    const again = await apply(bob, await send(alice, g.a.caseId, bobOnAlice));
    expect(again.conflicts).toBe(0);
    expect(n('SELECT count(*) AS n FROM safe_home_register')).toBe(26);
  });

  it('merges family B into the run by id, with B’s catch-up place and without changing A', async () => {
    const g = writeTwoFamilies(alice.core.manager.current());
    await apply(bob, await send(alice, g.a.caseId, bobOnAlice));
    const applied = await apply(bob, await send(alice, g.b.caseId, bobOnAlice));
    expect(applied.conflicts).toBe(0);
    const n = (sql: string, ...args: unknown[]) => count(bob, sql, ...args);
    expect(n('SELECT count(*) AS n FROM safe_home_runs')).toBe(1);
    expect(n('SELECT count(*) AS n FROM safe_home_sessions')).toBe(14);
    expect(n('SELECT count(*) AS n FROM safe_home_group_notes')).toBe(13);
    expect(n('SELECT count(*) AS n FROM safe_home_enrolments')).toBe(3);
    expect(n('SELECT count(*) AS n FROM safe_home_register')).toBe(26 + 14);
    expect(
      n(
        `SELECT count(*) AS n FROM safe_home_sessions s, json_each(s.for_enrolment_ids) j WHERE s.id = ? AND j.value = ?`,
        g.catchUpId,
        g.b.enrolments.grace,
      ),
    ).toBe(1);
  });

  it('keeps a run changed on both laptops as a conflict', async () => {
    const g = writeTwoFamilies(alice.core.manager.current());
    await apply(bob, await send(alice, g.a.caseId, bobOnAlice));
    const retitle = (l: Laptop, title: string) =>
      l.core.manager
        .current()
        .db.prepare('UPDATE safe_home_runs SET title = ?, version = version + 1 WHERE id = ?')
        .run(title, g.runId);
    retitle(alice, 'Spring group 2025 (north), Tuesdays');
    retitle(bob, 'Spring group 2025 (north), Wednesdays');
    const back = await apply(bob, await send(alice, g.a.caseId, bobOnAlice));
    expect(back.conflicts).toBe(1);
    const conflicts = await bob.call<{ recordId: string; module: string }[]>('bundle:conflicts', {
      caseId: g.a.caseId,
    });
    expect(conflicts.map((c) => [c.module, c.recordId])).toEqual([['safe-home-runs', g.runId]]);
  });
  it('adds a facilitator who never touched the case to the receiving laptop, as from another service', async () => {
    const g = writeTwoFamilies(alice.core.manager.current());
    const fay = await alice.call<{ id: string }>('user:create', {
      username: 'fay',
      displayName: 'Fay Facilitator',
      password: 'a long enough password 2',
      role: 'clinician',
    });
    alice.core.manager
      .current()
      .db.prepare("UPDATE safe_home_runs SET facilitator_ids = json_insert(facilitator_ids, '$[#]', ?) WHERE id = ?")
      .run(fay.id, g.runId);
    await apply(bob, await send(alice, g.a.caseId, bobOnAlice));
    const added = bob.core.manager
      .current()
      .db.prepare('SELECT display_name AS name, disabled FROM users WHERE id = ?')
      .get(fay.id);
    expect(added).toEqual({ name: 'Fay Facilitator (other service)', disabled: 1 });
  });
});
