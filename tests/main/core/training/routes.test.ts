/**
 * The materials' byte routes through the app:// protocol handler on a real core: an upload
 * refused before a byte is stored when its parameters are wrong, an upload and a download that
 * give the same bytes back, the shell's download policy allowing the download, and a read-only
 * user refused the upload but allowed the download.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleAppRequest } from '../../../../main/app/app-protocol-handler';
import { isAllowedDownloadUrl } from '../../../../main/app/session-policy';
import { createStreamServer } from '../../../../main/app/stream-routes';
import { createCore, type Core } from '../../../../main/core/core';
import type { TrainingMaterialView, TrainingPackageView } from '../../../../preload/contract';
import { ok } from '../bundles/app-fixtures';
import { ADMIN, FAST, READER } from '../temp-vault';
import { PACKAGE_INPUT } from './training-fixtures';

let root: string;
let rendererDir: string;
let core: Core;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'ncats-training-routes-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  core = createCore(join(root, 'vault'), { vault: FAST });
  expect((await core.router('vault:create', ADMIN)).ok).toBe(true);
});
afterEach(() => {
  core.manager.dispose();
  rmSync(root, { recursive: true, force: true });
});

function viaApp(path: string, init?: RequestInit): Promise<Response> {
  return handleAppRequest(new Request(`app://ncats/${path}`, init), {
    rendererRoot: rendererDir,
    serveStream: createStreamServer(core),
  });
}
const post = (body: string): RequestInit => ({ method: 'POST', body, duplex: 'half' }) as RequestInit;

describe('training material routes', () => {
  it('store an upload and give the same bytes back as a download the shell may save', async () => {
    const made = await core.router('trainingPackage:create', { package: PACKAGE_INPUT });
    const pkg = ok<TrainingPackageView>(made);
    const refused = await viaApp(
      `training-materials/upload?packageId=${pkg.id}&filename=x.txt&materialsVersion=0`,
      post('a'),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { message: 'A materials version starts at 1.' } });

    const sent = await viaApp(
      `training-materials/upload?packageId=${pkg.id}&filename=handout.txt&title=Handout`,
      post('Handout text'),
    );
    expect(sent.status).toBe(201);
    const material = ((await sent.json()) as { value: TrainingMaterialView }).value;
    expect(material).toMatchObject({ title: 'Handout', materialsVersion: 2, sizeBytes: 12 });
    const got = await viaApp(`training-materials/${material.id}?disposition=attachment`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('attachment');
    expect(await got.text()).toBe('Handout text');
    expect(isAllowedDownloadUrl(`app://ncats/training-materials/${material.id}?disposition=attachment`)).toBe(true);

    expect((await core.router('user:create', READER)).ok).toBe(true);
    expect((await core.router('vault:unlock', { username: READER.username, password: READER.password })).ok).toBe(true);
    const byReader = await viaApp(`training-materials/upload?packageId=${pkg.id}&filename=more.txt`, post('more'));
    expect(byReader.status).toBe(403);
    expect(await byReader.json()).toMatchObject({
      error: { message: 'Your role does not allow adding training materials.' },
    });
    expect((await viaApp(`training-materials/${material.id}`)).status).toBe(200);
  });
});
