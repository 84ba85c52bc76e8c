/**
 * The hazard log (docs/clinical-safety.md) and the threat model (SECURITY.md) name, for each
 * mitigation, "the test that proves it" as `file` - `test name`. A renamed or deleted test would
 * leave a claim with no proof behind it, so every such reference must name a file that exists and
 * a test title written in it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REFERENCE = /^\s*- `((?:tests)\/[^`]+\.(?:ts|tsx))` - `([^`]+)`/;

function references(doc: string): { line: number; file: string; title: string }[] {
  return readFileSync(path.join(ROOT, doc), 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      const m = REFERENCE.exec(text);
      return m?.[1] && m[2] ? [{ line: i + 1, file: m[1], title: m[2] }] : [];
    });
}

/**
 * Whether `title` is a test of `file`: written out in it, or made by an `it.each` template
 * ('%s: ...') whose `%s` is a name written in a file beside it (the crash tests' write paths).
 */
function isTestOf(file: string, title: string): boolean {
  const text = readFileSync(file, 'utf8');
  if (text.includes(title)) return true;
  for (const [, template = ''] of text.matchAll(/'([^'\n]*%s[^'\n]*)'/g)) {
    const [before = '', after = ''] = template.split('%s');
    if (!title.startsWith(before) || !title.endsWith(after)) continue;
    const name = title.slice(before.length, title.length - after.length);
    const folder = path.dirname(file);
    if (
      readdirSync(folder).some(
        (f) => /\.tsx?$/.test(f) && readFileSync(path.join(folder, f), 'utf8').includes(`'${name}'`),
      )
    )
      return true;
  }
  return false;
}

describe.each(['docs/clinical-safety.md', 'SECURITY.md'])('%s', (doc) => {
  const refs = references(doc);

  it('names tests by file and title', () => {
    expect(refs.length).toBeGreaterThan(20);
  });

  it('names only files that exist and titles written in them', () => {
    const missing = refs.filter((r) => {
      const file = path.join(ROOT, r.file);
      return !existsSync(file) || !isTestOf(file, r.title);
    });
    expect(missing.map((r) => `${doc}:${r.line} ${r.file} - ${r.title}`)).toEqual([]);
  });
});
