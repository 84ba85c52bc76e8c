import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, appendAudit, verifyAuditChain } from '../../../../main/core/vault/audit';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
let vault: OpenVault;

beforeEach(async () => {
  ({ vault } = await newVault(vaultDirIn(dirs.make())));
  // Rows 1-2 come from creation; add 3-6 so there is a middle to tamper with.
  for (let i = 0; i < 4; i++) {
    vault.audit({ action: 'case.read', entityType: 'case', entityId: `case-${i}`, caseId: `case-${i}`, detail: { i } });
  }
});
afterEach(() => {
  vault.close();
  dirs.cleanup();
});

const COLUMNS = 'at, user_id, username, action, entity_type, entity_id, case_id, detail, prev_hash, hash';

describe('audit chain', () => {
  it('verifies on a fresh vault, and links each row to the one before', () => {
    expect(verifyAuditChain(vault.db)).toEqual({ ok: true, rowsChecked: 6, problem: null });
    const rows = vault.db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all() as {
      seq: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
  });

  it('an empty log verifies (nothing to check)', () => {
    vault.db.exec('DELETE FROM audit_log');
    expect(verifyAuditChain(vault.db)).toEqual({ ok: true, rowsChecked: 0, problem: null });
  });

  it.each([
    ['action', "'case.write'"],
    ['username', "'someone-else'"],
    ['at', "'2001-01-01T00:00:00.000Z'"],
    ['detail', `'{"i":99}'`],
    ['case_id', 'NULL'],
  ])('detects an edited %s and names the row', (column, value) => {
    vault.db.exec(`UPDATE audit_log SET ${column} = ${value} WHERE seq = 4`);
    expect(verifyAuditChain(vault.db)).toEqual({
      ok: false,
      rowsChecked: 3,
      problem: 'Row 4 was altered after it was written.',
    });
  });

  it('detects a deleted middle row and names it', () => {
    vault.db.exec('DELETE FROM audit_log WHERE seq = 3');
    const result = verifyAuditChain(vault.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/^Row 3 is missing/);
  });

  it('detects two rows whose contents were swapped', () => {
    const [a, b] = [3, 4].map((seq) => vault.db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE seq = ?`).get(seq));
    const put = vault.db.prepare(
      `UPDATE audit_log SET (${COLUMNS}) = (@at, @user_id, @username, @action, @entity_type, @entity_id, @case_id, @detail, @prev_hash, @hash) WHERE seq = @seq`,
    );
    vault.db.transaction(() => {
      put.run({ ...(b as object), seq: 3 });
      put.run({ ...(a as object), seq: 4 });
    })();
    const result = verifyAuditChain(vault.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/^Row 3 /);
  });

  it('detects swapped rows even when the attacker re-links prev_hash (the hash covers seq)', () => {
    const rows = vault.db.prepare(`SELECT seq, ${COLUMNS} FROM audit_log WHERE seq IN (3, 4) ORDER BY seq`).all() as {
      seq: number;
      prev_hash: string;
      hash: string;
    }[];
    const [r3, r4] = rows;
    if (!r3 || !r4) throw new Error('rows missing');
    // Move row 4's content to seq 3 keeping row 3's link, and vice versa.
    vault.db.transaction(() => {
      vault.db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 3').run();
      vault.db.prepare('UPDATE audit_log SET seq = 3, prev_hash = ? WHERE seq = 4').run(r3.prev_hash);
      vault.db.prepare('UPDATE audit_log SET seq = 4, prev_hash = ? WHERE seq = -1').run(r4.hash);
    })();
    const result = verifyAuditChain(vault.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toBe('Row 3 was altered after it was written.');
  });

  it('detects a changed hash', () => {
    vault.db.exec(`UPDATE audit_log SET hash = '${'f'.repeat(64)}' WHERE seq = 2`);
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: false, problem: 'Row 2 was altered after it was written.' });
  });

  it('detects a changed hash on the newest row', () => {
    vault.db.exec(`UPDATE audit_log SET hash = '${'0'.repeat(64)}' WHERE seq = 6`);
    expect(verifyAuditChain(vault.db)).toMatchObject({
      ok: false,
      rowsChecked: 5,
      problem: expect.stringMatching(/^Row 6 /),
    });
  });

  it('keeps verifying after more rows are appended through appendAudit', () => {
    appendAudit(vault.db, { at: new Date().toISOString(), userId: null, username: null, action: 'test.append' });
    expect(verifyAuditChain(vault.db)).toEqual({ ok: true, rowsChecked: 7, problem: null });
  });
});
