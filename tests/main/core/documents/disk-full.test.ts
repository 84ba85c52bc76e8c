/**
 * A really full disk: a 2 MiB tmpfs is mounted over `<vault>/blobs` (and over an export
 * folder), so the kernel itself answers ENOSPC. Mounting needs root; without it these tests are
 * skipped, and their titles say so.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocumentToFile } from '../../../../main/core/documents/document-export';
import { importDocument } from '../../../../main/core/documents/documents.service';
import { auditActions, blobFiles, documentCount, generatedStream, vaultWithCase, type DocFixture } from './fixtures';

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'ncats-mount-probe-'));
  const ok = tryMount(probe);
  if (ok) execFileSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
}

const CAN_MOUNT = canMountTmpfs();
const mounted: string[] = [];

function mountSmall(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (!tryMount(dir)) throw new Error(`could not mount a tmpfs on ${dir}`);
  mounted.push(dir);
}

let fx: DocFixture;
beforeEach(async () => {
  fx = await vaultWithCase();
});
afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', [dir]);
  fx.cleanup();
});

describe.skipIf(!CAN_MOUNT)('disk full (needs root to mount a 2 MiB tmpfs; skipped otherwise)', () => {
  it('an import that fills the disk fails with DISK_FULL, records nothing and leaves no file', async () => {
    mountSmall(join(fx.vault.dir, 'blobs'));
    const source = generatedStream(8 * 1024 * 1024, 256 * 1024);
    const err = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'big.mp4' }, source.stream).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('The disk is full') });
    expect(blobFiles(fx.vault.dir)).toEqual([]);
    expect(documentCount(fx.vault)).toBe(0);
    // The space is back: a small file still goes in.
    const ok = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'small.txt' }, Readable.from(['fine']));
    expect(ok.sizeBytes).toBe(4);
  });

  it('an export that fills the disk fails with DISK_FULL and removes the partial copy', async () => {
    const source = generatedStream(4 * 1024 * 1024, 256 * 1024);
    const doc = await importDocument(fx.vault, { caseId: fx.caseId, filename: 'big.mp4' }, source.stream);
    const target = mkdtempSync(join(tmpdir(), 'ncats-full-export-'));
    try {
      mountSmall(target);
      await expect(exportDocumentToFile(fx.vault, doc.id, join(target, 'copy.mp4'))).rejects.toMatchObject({
        code: 'DISK_FULL',
      });
      expect(readdirSync(target)).toEqual([]);
      expect(auditActions(fx.vault, doc.id)).toEqual(['document.create']);
    } finally {
      if (mounted.includes(target)) {
        execFileSync('umount', [target]);
        mounted.splice(mounted.indexOf(target), 1);
      }
      rmSync(target, { recursive: true, force: true });
    }
  });
});
