/**
 * The licence check of what ships (issue 15), and the recorded production dependency list.
 *
 * It walks `package-lock.json` (the pinned tree) and keeps what the packaged app carries: every
 * package npm does not mark `dev` (the `dependencies` of package.json and everything they pull
 * in). Each licence is judged by LICENCE_POLICY below; the list with versions is kept in
 * `docs/dependencies.md` between its markers, because the registry's audit endpoint cannot be
 * reached from the build machines and the list is what a reviewer audits instead.
 *
 *   npx tsx build/scripts/licences.ts           check: exit 1 if a licence is refused or the list is stale
 *   npx tsx build/scripts/licences.ts --write   rewrite the list in docs/dependencies.md
 *
 * tests/main/build/licences.test.ts runs the same check in `npm test`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ShippedPackage {
  /** Where it sits in the tree, nested packages as `parent > child`. */
  name: string;
  version: string;
  /** The SPDX expression, from the lockfile or (reviewed by hand) LICENCE_OVERRIDES. */
  licence: string;
}

interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
}

/**
 * Licences the packaged app may carry. Permissive licences ask only for the notice to be kept,
 * which electron-builder does by packing each package's own files (LICENSE included).
 */
const ACCEPTED = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'Zlib',
  'CC0-1.0',
  'Unlicense',
  'WTFPL',
  'BSL-1.0',
  'Python-2.0',
  'CC-BY-4.0',
  'Unicode-DFS-2016',
]);

/**
 * Refused: strong copyleft (GPL, AGPL, SSPL, EUPL, OSL, CC-BY-SA) would put the whole app under
 * its terms. Weak copyleft is refused as well: LGPL asks that a user can relink or replace the
 * library, which a bundle inside a signed, integrity-checked asar does not allow; MPL, EPL and
 * CDDL are file-level and could be met by offering those files' source, but that is an
 * obligation on every release, so one is taken on only as a deliberate, recorded decision here.
 */
const REFUSED = /^(A?GPL|LGPL|MPL|EPL|EUPL|CDDL|SSPL|OSL|CC-BY-SA|CC-BY-NC)/i;

/**
 * Packages whose package.json names no licence, with the licence read from their own files by
 * a person. A new one must be added here after reading it; the test checks the file still says so.
 */
export const LICENCE_OVERRIDES: Record<string, { licence: string; licenceFileStartsWith: string }> = {
  'png-js': { licence: 'MIT', licenceFileStartsWith: 'MIT License' },
};

export type Verdict = { ok: true } | { ok: false; why: string };

/** Judge an SPDX expression: OR needs one acceptable choice, AND needs every part acceptable. */
export function licenceVerdict(expression: string | undefined): Verdict {
  if (!expression || !expression.trim()) return { ok: false, why: 'no licence named' };
  const text = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/\sOR\s/i.test(text)) {
    const choices = text.split(/\s+OR\s+/i).map((c) => licenceVerdict(c));
    return choices.some((c) => c.ok) ? { ok: true } : { ok: false, why: `no acceptable choice in ${expression}` };
  }
  if (/\sAND\s/i.test(text)) {
    const parts = text.split(/\s+AND\s+/i);
    const bad = parts.find((p) => !licenceVerdict(p).ok);
    return bad ? { ok: false, why: `${bad} in ${expression}` } : { ok: true };
  }
  const id = text.replace(/\+$/, '').replace(/-only$|-or-later$/, '');
  if (REFUSED.test(id)) return { ok: false, why: `copyleft licence ${expression}` };
  if (ACCEPTED.has(id)) return { ok: true };
  return { ok: false, why: `licence ${expression} is not on the accepted list (decide, then add it)` };
}

/** The readable name of a lockfile path: `node_modules/a/node_modules/b` is `a > b`. */
function nameOf(lockPath: string): string {
  return lockPath
    .split(/(?:^|\/)node_modules\//)
    .filter(Boolean)
    .join(' > ');
}

/** Every package the packaged app carries, from a parsed package-lock.json (v2 or v3). */
export function shippedPackages(lock: { packages?: Record<string, LockEntry> }): ShippedPackage[] {
  const entries = Object.entries(lock.packages ?? {});
  return entries
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.link)
    .map(([path, entry]) => {
      const name = nameOf(path);
      const leaf = name.split(' > ').at(-1) ?? name;
      const licence = entry.license ?? LICENCE_OVERRIDES[leaf]?.licence ?? '';
      return { name, version: entry.version ?? '', licence };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export const TABLE_START = '<!-- dependencies:start (written by build/scripts/licences.ts --write) -->';
export const TABLE_END = '<!-- dependencies:end -->';

export function renderTable(packages: ShippedPackage[]): string {
  const rows = packages.map((p) => `| ${p.name} | ${p.version} | ${p.licence} |`);
  return [TABLE_START, '', '| Package | Version | Licence |', '| --- | --- | --- |', ...rows, '', TABLE_END].join('\n');
}

/** The rows recorded in the document, read back from its table (however it was re-padded). */
export function parseTable(markdown: string): ShippedPackage[] {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/dependencies.md has lost its dependency table markers.');
  return markdown
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter(([name]) => name !== 'Package' && !/^-+$/.test(name ?? ''))
    .map(([name = '', version = '', licence = '']) => ({ name, version, licence }));
}

/** Replace the table in `markdown` with the one for `packages`. */
export function withTable(markdown: string, packages: ShippedPackage[]): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/dependencies.md has lost its dependency table markers.');
  return markdown.slice(0, start) + renderTable(packages) + markdown.slice(end + TABLE_END.length);
}

export interface LicenceReport {
  refused: { name: string; version: string; why: string }[];
  /** Lines saying how the recorded list differs from the lockfile; empty when it is current. */
  stale: string[];
}

const key = (p: ShippedPackage): string => `${p.name}@${p.version} (${p.licence})`;

export function checkLicences(packages: ShippedPackage[], recorded: ShippedPackage[]): LicenceReport {
  const refused = packages.flatMap((p) => {
    const verdict = licenceVerdict(p.licence);
    return verdict.ok ? [] : [{ name: p.name, version: p.version, why: verdict.why }];
  });
  const want = new Set(packages.map(key));
  const have = new Set(recorded.map(key));
  const stale = [
    ...[...want].filter((k) => !have.has(k)).map((k) => `not recorded: ${k}`),
    ...[...have].filter((k) => !want.has(k)).map((k) => `recorded but not shipped: ${k}`),
  ];
  return { refused, stale };
}

/** Font files the app ships (inside pdfmake), with the licence their own name table must state. */
export const SHIPPED_FONTS = {
  dir: 'node_modules/pdfmake/fonts/Roboto',
  files: ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'],
  licence: 'SIL Open Font License, Version 1.1',
};

/**
 * The licence description (name ID 13) a TrueType/OpenType file records about itself, from its
 * `name` table (Windows platform, UTF-16BE), or null when it records none.
 */
export function fontLicenceDescription(font: Buffer): string | null {
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i;
    if (font.toString('latin1', entry, entry + 4) !== 'name') continue;
    const table = font.readUInt32BE(entry + 8);
    const count = font.readUInt16BE(table + 2);
    const strings = table + font.readUInt16BE(table + 4);
    for (let j = 0; j < count; j++) {
      const rec = table + 6 + 12 * j;
      const [platform, nameId, length, offset] = [0, 6, 8, 10].map((o) => font.readUInt16BE(rec + o));
      if (platform === 3 && nameId === 13 && length !== undefined && offset !== undefined) {
        return font
          .subarray(strings + offset, strings + offset + length)
          .swap16()
          .toString('utf16le');
      }
    }
  }
  return null;
}

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEPENDENCIES_DOC = join(REPO_ROOT, 'docs', 'dependencies.md');

function main(argv: string[]): number {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as Parameters<
    typeof shippedPackages
  >[0];
  const packages = shippedPackages(lock);
  const doc = readFileSync(DEPENDENCIES_DOC, 'utf8');
  if (argv.includes('--write')) {
    writeFileSync(DEPENDENCIES_DOC, withTable(doc, packages));
    console.log(`docs/dependencies.md: ${packages.length} shipped packages recorded.`);
  }
  const report = checkLicences(packages, parseTable(readFileSync(DEPENDENCIES_DOC, 'utf8')));
  for (const r of report.refused) console.error(`Refused licence: ${r.name}@${r.version}: ${r.why}`);
  for (const s of report.stale) console.error(`docs/dependencies.md is out of date: ${s}`);
  if (report.stale.length) console.error('Run: npx tsx build/scripts/licences.ts --write');
  if (report.refused.length || report.stale.length) return 1;
  console.log(`${packages.length} shipped packages, every licence accepted, list current.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
