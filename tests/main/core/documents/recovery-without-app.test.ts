/**
 * Issue 15's promise for documents: with the recovery key alone and standard tools (stock
 * SQLCipher 4, compiled here from the upstream amalgamation, and the `age` CLI), a trust that has
 * lost the app gets every document back, whether it was uploaded before migration 190 (format 1,
 * re-encrypted at sign-in) or after. This is the procedure of docs/recovery.md, step by step: no
 * code of the app runs between closing the vault and comparing the SHA-256 of what age printed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralSchema } from '../../../../preload/contract/case-records';
import { createCase } from '../../../../main/core/cases/cases.service';
import { migrateDocumentBlobs } from '../../../../main/core/documents/blob-migration';
import { importDocument } from '../../../../main/core/documents/documents.service';
import { databasePath } from '../../../../main/core/vault/header';
import { buildProbe, runProbe } from '../../../fixtures/sqlcipher/build-probe';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';
import { patternBytes } from './fixtures';
import { importV1Document } from './v1-fixture';

const AGE_CLI = '/usr/bin/age';
const hasAge = spawnSync(AGE_CLI, ['--version']).status === 0;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const dirs = tempDirs('ncats-recovery-');
let vaultDir: string;
let work: string;
let recoveryKey: string;
/** What was put in: file name -> SHA-256 of its bytes. */
const expected = new Map<string, string>();

beforeAll(async () => {
  if (!hasAge) return;
  work = dirs.make();
  vaultDir = vaultDirIn(dirs.make());
  const created = await newVault(vaultDir);
  recoveryKey = created.recoveryKey;
  const vault = created.vault;
  const { id: caseId } = createCase(
    vault,
    referralSchema.parse({
      referralDate: '2026-03-02',
      youngPerson: { givenName: 'Rory', familyName: 'Recover', dateOfBirth: '2011-07-09' },
    }),
  );
  const before = patternBytes(0, 3 * 64 * 1024 + 999, 21);
  const after = patternBytes(0, 150_000, 22);
  await importV1Document(vault, caseId, before, 'letter-before-190.pdf');
  expect(await migrateDocumentBlobs(vault)).toMatchObject({ migrated: 1, failed: [] });
  await importDocument(vault, { caseId, filename: 'report-after-190.docx' }, Readable.from([after]));
  expected.set('letter-before-190.pdf', sha256(before));
  expected.set('report-after-190.docx', sha256(after));
  // Closing checkpoints the WAL into vault.db, as a trust's copy of a closed vault would be.
  vault.close();
}, 600_000);
afterAll(() => dirs.cleanup());

describe.skipIf(!hasAge)('recovery of documents without the app (skipped only when /usr/bin/age is missing)', () => {
  interface Row {
    id: string;
    filename: string;
    sha256: string;
    identity: string;
  }
  let rows: Row[];

  it('stock SQLCipher with the recovery key lists each document with its identity', () => {
    const probe = buildProbe(); // fails (not skips) with install instructions when gcc or libssl-dev is missing
    const result = runProbe(
      probe,
      databasePath(vaultDir),
      `"x'${recoveryKey.replace(/-/g, '')}'"`,
      'SELECT id, original_filename, sha256, age_identity FROM documents ORDER BY original_filename',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    rows = result.rows.map((line) => {
      const [id = '', filename = '', sha = '', identity = ''] = line.split('|');
      return { id, filename, sha256: sha, identity };
    });
    expect(rows.map((r) => r.filename)).toEqual(['letter-before-190.pdf', 'report-after-190.docx']);
    for (const r of rows) expect(r.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
  });

  it('age -d with each identity prints exactly the bytes that were uploaded', () => {
    for (const r of rows) {
      const identityFile = join(work, `${r.id}.key`);
      writeFileSync(identityFile, `${r.identity}\n`, { mode: 0o600 });
      const blob = join(vaultDir, 'blobs', r.id.slice(0, 2), `${r.id}.bin`);
      const run = spawnSync(AGE_CLI, ['-d', '-i', identityFile, blob], { maxBuffer: 64 * 1024 * 1024 });
      expect(run.stderr.toString(), r.filename).toBe('');
      expect(run.status).toBe(0);
      expect(sha256(run.stdout)).toBe(r.sha256);
      expect(sha256(run.stdout)).toBe(expected.get(r.filename));
    }
  });

  it("one document's identity does not open another's blob (the binding format 1 had by file id)", () => {
    const [first, second] = rows;
    if (!first || !second) throw new Error('expected two documents');
    const identityFile = join(work, 'first.key');
    writeFileSync(identityFile, `${first.identity}\n`, { mode: 0o600 });
    const run = spawnSync(AGE_CLI, [
      '-d',
      '-i',
      identityFile,
      join(vaultDir, 'blobs', second.id.slice(0, 2), `${second.id}.bin`),
    ]);
    expect(run.status).not.toBe(0);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr.toString()).toMatch(/no identity matched/i);
  });
});
