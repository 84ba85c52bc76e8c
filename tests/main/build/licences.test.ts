/**
 * The licence check of what ships (build/scripts/licences.ts): every package the packaged app
 * carries is recorded in docs/dependencies.md with its version and licence, no licence there is
 * copyleft, and the fonts shipped for PDF reports say what the document says they are.
 * Planted lockfiles show each rule can fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEPENDENCIES_DOC,
  LICENCE_OVERRIDES,
  REPO_ROOT,
  SHIPPED_FONTS,
  checkLicences,
  fontLicenceDescription,
  licenceVerdict,
  parseTable,
  shippedPackages,
  withTable,
} from '../../../build/scripts/licences';

const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as Parameters<
  typeof shippedPackages
>[0];
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const doc = readFileSync(DEPENDENCIES_DOC, 'utf8');

describe('the shipped dependency tree', () => {
  const shipped = shippedPackages(lock);

  it('is recorded in docs/dependencies.md exactly as the lockfile pins it, with no refused licence', () => {
    const report = checkLicences(shipped, parseTable(doc));
    // If this fails after adding or upgrading a dependency: npx tsx build/scripts/licences.ts --write
    expect(report.stale).toEqual([]);
    expect(report.refused).toEqual([]);
  });

  it("holds every package.json dependency and none of the development tools' own packages", () => {
    const names = new Set(shipped.map((p) => p.name));
    for (const name of Object.keys(pkg.dependencies)) expect(names, name).toContain(name);
    for (const tool of ['vitest', 'electron', 'electron-builder', 'eslint', '@doyensec/electronegativity']) {
      expect(names, tool).not.toContain(tool);
    }
  });

  it('names a licence for every package, and the hand-read ones still say so in their own file', () => {
    for (const p of shipped) expect(p.licence, p.name).not.toBe('');
    for (const [name, { licenceFileStartsWith }] of Object.entries(LICENCE_OVERRIDES)) {
      const text = readFileSync(join(REPO_ROOT, 'node_modules', name, 'LICENSE'), 'utf8');
      expect(text.startsWith(licenceFileStartsWith), name).toBe(true);
    }
  });

  it('records Electron (MIT) as the runtime and its version from the lockfile', () => {
    const electron = lock.packages?.['node_modules/electron'];
    expect(electron?.license).toBe('MIT');
    expect(doc).toMatch(new RegExp(`Electron\\s+${(electron?.version ?? '').replace(/\./g, '\\.')}\\s+\\(MIT\\)`));
    expect(doc).toContain('LICENSES.chromium.html');
  });

  it('ships the report fonts under the licence the document names, read from the font files', () => {
    for (const file of SHIPPED_FONTS.files) {
      const font = readFileSync(join(REPO_ROOT, SHIPPED_FONTS.dir, file));
      expect(fontLicenceDescription(font), file).toContain(SHIPPED_FONTS.licence);
    }
    // Prose is re-wrapped by prettier, so any run of white space may stand between the words.
    expect(doc).toMatch(/SIL Open Font\s+License 1\.1/);
  });
});

describe('the licence rules (planted lockfiles)', () => {
  const planted = (license: string | undefined, extra: Record<string, unknown> = {}) => ({
    packages: {
      '': { name: 'app' },
      'node_modules/fine': { version: '1.0.0', license: 'MIT' },
      'node_modules/planted': { version: '2.0.0', ...(license ? { license } : {}), ...extra },
      'node_modules/tool': { version: '3.0.0', license: 'GPL-3.0-only', dev: true },
    },
  });

  it.each([
    'GPL-3.0-only',
    'GPL-2.0-or-later',
    'AGPL-3.0',
    'LGPL-2.1',
    'MPL-2.0',
    'SSPL-1.0',
    'EUPL-1.2',
    'CC-BY-SA-4.0',
    'MIT AND GPL-2.0',
    '(GPL-2.0 OR LGPL-3.0)',
    'Some-Custom-Licence',
  ])('refuses a shipped package under %s', (license) => {
    const packages = shippedPackages(planted(license));
    const report = checkLicences(packages, packages);
    expect(report.refused.map((r) => r.name)).toEqual(['planted']);
  });

  it('refuses a shipped package that names no licence', () => {
    const packages = shippedPackages(planted(undefined));
    expect(checkLicences(packages, packages).refused).toEqual([
      { name: 'planted', version: '2.0.0', why: 'no licence named' },
    ]);
  });

  it.each(['(MIT OR GPL-3.0)', 'Apache-2.0', '(MIT AND Zlib)', 'MIT AND ISC AND BSD-3-Clause', 'BlueOak-1.0.0'])(
    'accepts %s',
    (license) => expect(licenceVerdict(license)).toEqual({ ok: true }),
  );

  it('leaves development-only packages out, however they are licensed', () => {
    expect(shippedPackages(planted('MIT')).map((p) => p.name)).toEqual(['fine', 'planted']);
  });

  it('finds a package missing from the list, an old version, and one no longer shipped', () => {
    const packages = shippedPackages(planted('MIT'));
    const recorded = [
      { name: 'fine', version: '0.9.0', licence: 'MIT' },
      { name: 'gone', version: '1.0.0', licence: 'MIT' },
    ];
    expect(checkLicences(packages, recorded).stale).toEqual([
      'not recorded: fine@1.0.0 (MIT)',
      'not recorded: planted@2.0.0 (MIT)',
      'recorded but not shipped: fine@0.9.0 (MIT)',
      'recorded but not shipped: gone@1.0.0 (MIT)',
    ]);
  });

  it('writes a table that reads back to the same rows, and names nested packages by their parent', () => {
    const packages = shippedPackages({
      packages: {
        'node_modules/a': { version: '1.0.0', license: 'MIT' },
        'node_modules/a/node_modules/b': { version: '2.0.0', license: 'ISC' },
      },
    });
    expect(packages.map((p) => p.name)).toEqual(['a', 'a > b']);
    expect(parseTable(withTable(doc, packages))).toEqual(packages);
  });
});
