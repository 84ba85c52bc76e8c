/**
 * The demo's archive for Records retention: review dates past, due soon and ahead; declined
 * referrals; a legal hold, a date of death, care-experienced flags (one checked), a waiting
 * proposal and a tombstone, all read back through the retention services of a real vault.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { detailOf, listForReview, listTombstones } from '../../../../main/core/retention/retention.service';
import { verifyAuditChain } from '../../../../main/core/vault/audit';
import { makeVault, type TestVault } from '../cases/fixtures';

const open: TestVault[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

const TODAY = '2025-12-31';

async function archiveVault(seed: string, archiveCases: number, secondAdmin = true): Promise<TestVault> {
  const t = await makeVault(`${TODAY}T12:00:00Z`);
  open.push(t);
  if (secondAdmin)
    await t.vault.addUser({
      username: 'bea',
      displayName: 'Bea Second',
      password: 'second admin password',
      role: 'administrator',
    });
  generateDemoData(t.vault, { cases: 10, seed, archiveCases, notesPerCase: [0, 1], referenceDate: TODAY });
  return t;
}

const ALL = { withinMonths: 120, order: 'asc' as const, offset: 0, limit: 100 };

describe('demo archive for Records retention', () => {
  it('gives review dates past, due within six months and ahead, with every kind of retention record', async () => {
    const t = await archiveVault('retention', 90);
    const { vault } = t;
    const cases = vault.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    // 10 ordinary cases, 89 archive cases and one more disposed of (its tombstone).
    expect(cases.n).toBe(99);
    const list = listForReview(vault, ALL);
    const archive = list.items.filter((i) => i.closedOn < '2008-01-01');
    expect(archive.length).toBeGreaterThan(80);
    const passed = archive.filter((i) => i.reviewDate < '2025-07-01');
    const soon = archive.filter((i) => i.reviewDate >= TODAY && i.reviewDate <= '2026-06-30');
    const ahead = archive.filter((i) => i.reviewDate > '2026-06-30');
    expect(passed.length).toBeGreaterThan(20);
    expect(soon.length).toBeGreaterThan(0);
    expect(ahead.length).toBeGreaterThan(0);
    expect(archive.some((i) => i.careEnded === 'declined')).toBe(true);
    expect(archive.filter((i) => i.legalHold).length).toBeGreaterThanOrEqual(1);
    const care = archive.filter((i) => i.careExperienced);
    expect(care.length).toBeGreaterThanOrEqual(5);
    expect(care.filter((i) => i.due && !i.careCheckNeeded)).toHaveLength(1);
    expect(archive.filter((i) => i.proposal !== null)).toHaveLength(1);
    const waiting = archive.find((i) => i.proposal) as (typeof archive)[number];
    expect(waiting).toMatchObject({ due: true, legalHold: false, careExperienced: false });

    const dead = vault.db.prepare('SELECT case_id FROM case_retention WHERE date_of_death IS NOT NULL').all() as {
      case_id: string;
    }[];
    expect(dead.length).toBeGreaterThanOrEqual(1);
    const detail = detailOf(vault, dead[0]?.case_id as string);
    expect(detail.candidates.some((c) => c.rule === 'after_death')).toBe(true);

    const tombstones = listTombstones(vault, { offset: 0, limit: 10 });
    expect(tombstones.total).toBe(1);
    const tomb = tombstones.items[0];
    expect(tomb?.approvedByName).toBe('Bea Second');
    expect(tomb && tomb.reviewDate < (tomb.approvedAt.slice(0, 10) ?? '')).toBe(true);
    // Its reference is never given to another case.
    expect(vault.db.prepare('SELECT 1 FROM cases WHERE reference = ?').get(tomb?.reference)).toBeUndefined();
    expect(verifyAuditChain(vault.db).ok).toBe(true);
  });

  it('is the same for the same seed, and writes nothing without archiveCases', async () => {
    const rows = (t: TestVault) =>
      t.vault.db
        .prepare(
          `SELECT c.reference, c.status, r.review_date, r.legal_hold, r.care_experienced, r.date_of_death
           FROM cases c JOIN case_retention r ON r.case_id = c.id ORDER BY c.reference`,
        )
        .all();
    const a = await archiveVault('same', 30);
    const b = await archiveVault('same', 30);
    listForReview(a.vault, ALL);
    listForReview(b.vault, ALL);
    expect(rows(a)).toEqual(rows(b));
    const none = await archiveVault('same', 0, false);
    expect((none.vault.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(10);
    expect(listTombstones(none.vault, { offset: 0, limit: 10 }).total).toBe(0);
  });

  it('leaves out the tombstone, not the archive, when there is no second administrator to have approved it', async () => {
    const t = await archiveVault('alone', 20, false);
    expect((t.vault.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(30);
    expect(listTombstones(t.vault, { offset: 0, limit: 10 }).total).toBe(0);
  });
});
