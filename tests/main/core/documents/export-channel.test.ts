/**
 * The explicit export of one document: the path comes from the shell's save dialog, never from
 * the renderer, and a download to disk through the routes is recorded as an export too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../main/core/core';
import { downloadDocument, uploadDocument } from '../../../../main/core/documents/document-routes';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { tempDirs } from '../temp-vault';
import { auditActions, readAll } from './fixtures';

const dirs = tempDirs('ncats-export-');
afterEach(() => dirs.cleanup());

async function coreWithDocument(chooseSavePath?: (name: string) => Promise<string | null>) {
  const dir = dirs.make();
  const core: Core = createCore(join(dir, 'vault'), {
    vault: { kdf: scryptParams(2 ** 14) },
    ...(chooseSavePath ? { shell: { chooseSavePath } } : {}),
  });
  const created = await core.router('vault:create', {
    username: 'admin',
    displayName: 'Admin',
    password: 'a long enough password',
  });
  expect(created.ok).toBe(true);
  const referral = await core.router('case:create', {
    referralDate: '2026-01-12',
    youngPerson: { givenName: 'Sam', familyName: 'Testcase', dateOfBirth: '2012-05-01' },
  });
  if (!referral.ok) throw new Error(referral.error.message);
  const caseId = (referral.value as { id: string }).id;
  const doc = await uploadDocument(
    core.manager.current(),
    { caseId, filename: 'letter.pdf' },
    Readable.from([Buffer.from('%PDF-1.4 hello')]),
  );
  return { dir, core, doc };
}

describe('document:exportToFile', () => {
  it('asks the shell where to save; the renderer cannot name a path', async () => {
    let asked = '';
    const target = join(dirs.make(), 'copy.pdf');
    const { core, doc } = await coreWithDocument(async (name) => {
      asked = name;
      return target;
    });
    const refused = await core.router('document:exportToFile', { documentId: doc.id, path: '/tmp/evil' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const result = await core.router('document:exportToFile', { documentId: doc.id });
    expect(result).toMatchObject({ ok: true, value: { path: target } });
    expect(asked).toBe('letter.pdf');
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.4 hello');
    expect(auditActions(core.manager.current(), doc.id)).toContain('document.export');
    core.manager.dispose();
  });

  it('does nothing when the user cancels the dialog', async () => {
    const { core, doc } = await coreWithDocument(async () => null);
    expect(await core.router('document:exportToFile', { documentId: doc.id })).toEqual({ ok: true, value: null });
    expect(auditActions(core.manager.current(), doc.id)).not.toContain('document.export');
    core.manager.dispose();
  });

  it('without a save dialog (browser host) says to use the download link', async () => {
    const { core, doc } = await coreWithDocument();
    const result = await core.router('document:exportToFile', { documentId: doc.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    core.manager.dispose();
  });

  it('a download as an attachment is audited as an export, a view as a read', async () => {
    const { core, doc } = await coreWithDocument();
    const vault = core.manager.current();
    await readAll((await downloadDocument(vault, doc.id, { disposition: 'inline' })).body);
    await readAll((await downloadDocument(vault, doc.id, { disposition: 'attachment' })).body);
    expect(auditActions(vault, doc.id)).toEqual(['document.create', 'document.read', 'document.export']);
    core.manager.dispose();
  });
});
