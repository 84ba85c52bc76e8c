/** Where the packaging tests look for the Electron runtime (electron-runtime.ts), with made-up folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronCacheDirs, findElectronRuntime, type RuntimeQuery } from './electron-runtime';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project with an electron package at `version` and no binary, and an empty home. */
function fakeProject(version = '45.5.0'): { root: string; home: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'ncats-pack-'));
  made.push(root);
  mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version }));
  mkdirSync(path.join(root, 'home'));
  return { root, home: path.join(root, 'home') };
}

function query(root: string, home: string, env: Record<string, string> = {}): RuntimeQuery {
  return { projectRoot: root, home, env, platform: 'linux', arch: 'x64' };
}

describe('findElectronRuntime', () => {
  it('says why it skips when there is no binary, no cached zip and no mirror', () => {
    const { root, home } = fakeProject();
    const found = findElectronRuntime(query(root, home));
    expect(found.available).toBe(false);
    expect(found.available ? '' : found.reason).toMatch(
      /^skipped: no Electron 45\.5\.0 runtime here .*electron-v45\.5\.0-linux-x64\.zip/,
    );
  });

  it('finds the zip in electron_config_cache, directly or in @electron/get’s hashed subfolder', () => {
    const { root, home } = fakeProject();
    const cache = path.join(root, 'cache');
    mkdirSync(path.join(cache, 'a1b2c3'), { recursive: true });
    writeFileSync(path.join(cache, 'a1b2c3', 'electron-v45.5.0-linux-x64.zip'), '');
    expect(findElectronRuntime(query(root, home, { electron_config_cache: cache }))).toMatchObject({ available: true });
    writeFileSync(path.join(cache, 'other.zip'), '');
    expect(findElectronRuntime(query(root, home, { ELECTRON_CACHE: path.join(cache, 'a1b2c3') }))).toMatchObject({
      available: true,
    });
  });

  it('does not take a zip of another version or platform', () => {
    const { root, home } = fakeProject();
    const cache = path.join(home, '.cache', 'electron');
    mkdirSync(cache, { recursive: true });
    writeFileSync(path.join(cache, 'electron-v44.0.0-linux-x64.zip'), '');
    writeFileSync(path.join(cache, 'electron-v45.5.0-win32-x64.zip'), '');
    expect(findElectronRuntime(query(root, home)).available).toBe(false);
  });

  it('uses an installed runtime as electronDist, and a mirror when one is configured', () => {
    const { root, home } = fakeProject();
    expect(
      findElectronRuntime(query(root, home, { ELECTRON_MIRROR: 'https://mirror.trust.nhs.uk/electron/' })),
    ).toMatchObject({
      available: true,
      builderArgs: [],
    });
    mkdirSync(path.join(root, 'node_modules', 'electron', 'dist'));
    writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    const found = findElectronRuntime(query(root, home));
    expect(found).toMatchObject({ available: true });
    expect(found.available && found.builderArgs[0]).toBe(
      `-c.electronDist=${path.join(root, 'node_modules', 'electron', 'dist')}`,
    );
  });

  it('looks in each platform’s default cache', () => {
    const q = { projectRoot: '/p', home: '/home/it', env: {}, arch: 'x64' };
    expect(electronCacheDirs({ ...q, platform: 'linux' })).toEqual(['/home/it/.cache/electron']);
    expect(electronCacheDirs({ ...q, platform: 'darwin' })).toEqual(['/home/it/Library/Caches/electron']);
    expect(electronCacheDirs({ ...q, platform: 'win32', env: { LOCALAPPDATA: 'C:/Users/it/AppData/Local' } })).toEqual([
      path.join('C:/Users/it/AppData/Local', 'electron', 'Cache'),
    ]);
  });
});
