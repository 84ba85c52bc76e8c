/**
 * The fuse reader the packaging tests use (package-app.ts `fusesOf`), on a stand-in binary that
 * carries Electron's fuse sentinel and an unfused wire: it reads Electron's defaults, and after
 * @electron/fuses flips the fuses electron-builder.yml names, reads exactly those back. The real
 * binary is read by linux-dir-build.test.ts and packaged-app.test.ts where Electron exists.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { fusesOf, projectRoot } from './package-app';

const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
const { electronFuses } = yaml.load(readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's wire as shipped: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on. */
const UNFUSED = '10110001';

const work = mkdtempSync(path.join(tmpdir(), 'ncats-fuses-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function standInBinary(): string {
  const file = path.join(work, `electron-${randomBytes(4).toString('hex')}`);
  const wire = Buffer.concat([
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, UNFUSED.length]),
    Buffer.from(UNFUSED, 'latin1'),
  ]);
  writeFileSync(file, Buffer.concat([randomBytes(4096), wire, randomBytes(4096)]), { mode: 0o755 });
  return file;
}

describe('reading the fuse wire back', () => {
  it('reads an unfused Electron as unfused (so a packaging step that forgot the fuses would fail)', async () => {
    expect(await fusesOf(standInBinary())).toMatchObject({
      runAsNode: true,
      enableNodeOptionsEnvironmentVariable: true,
      enableNodeCliInspectArguments: true,
      onlyLoadAppFromAsar: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('reads back exactly what electron-builder.yml asks for once the fuses are flipped', async () => {
    const binary = standInBinary();
    await flipFuses(binary, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: electronFuses.runAsNode,
      [FuseV1Options.EnableCookieEncryption]: electronFuses.enableCookieEncryption,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: electronFuses.enableNodeOptionsEnvironmentVariable,
      [FuseV1Options.EnableNodeCliInspectArguments]: electronFuses.enableNodeCliInspectArguments,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: electronFuses.enableEmbeddedAsarIntegrityValidation,
      [FuseV1Options.OnlyLoadAppFromAsar]: electronFuses.onlyLoadAppFromAsar,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: electronFuses.grantFileProtocolExtraPrivileges,
    });
    expect(await fusesOf(binary)).toEqual(electronFuses);
  });
});
