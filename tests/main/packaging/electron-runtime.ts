/**
 * Can electron-builder get the Electron runtime here? Packaging needs Electron's zip for the
 * target platform: from `node_modules/electron/dist` (passed as `electronDist`), from the
 * download cache (`electron_config_cache` / `ELECTRON_CACHE`, else the platform's default, where
 * @electron/get keeps each zip in a hashed subfolder), or from a mirror (`ELECTRON_MIRROR`).
 * With none of them the packaging tests skip and say exactly this; they never fake a pass.
 * Pure apart from reading the file system, so it is tested with made-up folders.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export type ElectronRuntime =
  { available: true; how: string; builderArgs: string[] } | { available: false; reason: string };

export interface RuntimeQuery {
  projectRoot: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  arch: string;
  home?: string;
}

export function electronVersionIn(projectRoot: string): string {
  const file = path.join(projectRoot, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The download cache folders @electron/get would look in, most specific first. */
export function electronCacheDirs(query: RuntimeQuery): string[] {
  const home = query.home ?? homedir();
  const fallback =
    query.platform === 'darwin'
      ? path.join(home, 'Library', 'Caches', 'electron')
      : query.platform === 'win32'
        ? path.join(query.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'electron', 'Cache')
        : path.join(query.env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'electron');
  return [query.env.electron_config_cache, query.env.ELECTRON_CACHE, fallback].filter(
    (dir): dir is string => typeof dir === 'string' && dir.length > 0,
  );
}

/** `name` directly in `dir` or one level down (the hashed subfolder), or null. */
function findZip(dir: string, name: string): string | null {
  if (!existsSync(dir)) return null;
  if (existsSync(path.join(dir, name))) return path.join(dir, name);
  for (const entry of readdirSync(dir)) {
    const candidate = path.join(dir, entry, name);
    if (statSync(path.join(dir, entry)).isDirectory() && existsSync(candidate)) return candidate;
  }
  return null;
}

export function findElectronRuntime(query: RuntimeQuery): ElectronRuntime {
  const version = electronVersionIn(query.projectRoot);
  const dist = path.join(query.projectRoot, 'node_modules', 'electron', 'dist');
  if (existsSync(path.join(query.projectRoot, 'node_modules', 'electron', 'path.txt')) && existsSync(dist)) {
    return { available: true, how: `the unpacked runtime in ${dist}`, builderArgs: [`-c.electronDist=${dist}`] };
  }
  const zip = `electron-v${version}-${query.platform}-${query.arch}.zip`;
  const dirs = electronCacheDirs(query);
  for (const dir of dirs) {
    const found = findZip(dir, zip);
    if (found) return { available: true, how: `${zip} in the cache ${dir}`, builderArgs: [] };
  }
  if (query.env.ELECTRON_MIRROR) {
    return { available: true, how: `the mirror ELECTRON_MIRROR=${query.env.ELECTRON_MIRROR}`, builderArgs: [] };
  }
  return {
    available: false,
    reason:
      `skipped: no Electron ${version} runtime here (no binary in node_modules/electron/dist, no ${zip} in ` +
      `${dirs.join(' or ')}, no ELECTRON_MIRROR), and this machine cannot download it. ` +
      'Set electron_config_cache to a folder holding the zip, or ELECTRON_MIRROR to an internal mirror.',
  };
}
