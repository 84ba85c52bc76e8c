/**
 * The backup tests' fixture: a real vault with an administrator (ADMIN), a clinician
 * (CLINICIAN), one case whose young person has a known name and one document with known bytes,
 * and a helper that scans files for those plaintext strings.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { referralSchema } from '../../../../preload/contract/case-records';
import { runVaultChecks } from '../../../../main/cli/vault-checks';
import { createCase } from '../../../../main/core/cases/cases.service';
import { importDocument } from '../../../../main/core/documents/documents.service';
import type { RestoreOptions } from '../../../../main/core/backup/restore-backup';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { CLINICIAN, FAST, newVault, tempDirs, vaultDirIn } from '../temp-vault';

/** Strings that exist only as plaintext case data: none may appear in any file on disk. */
export const PLAINTEXT_MARKERS = ['Zebedee', 'Quillfeather', 'LETTER-BODY-PLAINTEXT-7731'];

/** The restore options the CLI uses: the fast KDF and the same checks `ncats verify` makes. */
export const RESTORE_OPTIONS: RestoreOptions = { ...FAST, checks: runVaultChecks };

export interface BackupFixture {
  vault: OpenVault;
  recoveryKey: string;
  caseId: string;
  documentId: string;
  documentBytes: Buffer;
  /** A fresh temporary folder for backups and restored vaults. */
  work: string;
  cleanup(): void;
}

export async function vaultToBackUp(): Promise<BackupFixture> {
  const dirs = tempDirs('ncats-backup-');
  const { vault, recoveryKey } = await newVault(vaultDirIn(dirs.make()));
  await vault.addUser(CLINICIAN);
  const detail = createCase(
    vault,
    referralSchema.parse({
      referralDate: '2026-01-12',
      youngPerson: { givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '2012-05-01' },
    }),
  );
  // Over one 64 KiB chunk of both the blob format and age, so chunk boundaries are crossed.
  const documentBytes = Buffer.from(`${PLAINTEXT_MARKERS[2]} `.repeat(9000), 'utf8');
  const doc = await importDocument(
    vault,
    { caseId: detail.id, filename: 'letter.txt' },
    Readable.from([documentBytes]),
  );
  return {
    vault,
    recoveryKey,
    caseId: detail.id,
    documentId: doc.id,
    documentBytes,
    work: dirs.make(),
    cleanup() {
      vault.close();
      dirs.cleanup();
    },
  };
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files under `dirs` that contain any plaintext marker (as UTF-8 or UTF-16LE). */
export function filesWithPlaintext(...dirs: string[]): string[] {
  return dirs.flatMap(filesUnder).filter((file) => {
    const bytes = readFileSync(file);
    return PLAINTEXT_MARKERS.some(
      (m) => bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le')),
    );
  });
}
