/**
 * Belt and braces to the ESLint import rules (DESIGN.md section 3): scan the source text, so a
 * boundary breach fails the tests even if someone loosens the lint config.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier: static imports and exports, dynamic import() and require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

const isElectron = (spec: string): boolean => spec === 'electron' || spec.startsWith('electron/');

describe('import boundaries', () => {
  it('the scanner sees every kind of import', () => {
    const sample = `import a from 'electron';\nimport type { B } from "electron/main";\nconst c = require('electron');\nawait import('electron');\nimport 'electron';`;
    expect(specifiers(sample).filter(isElectron)).toHaveLength(5);
  });

  it('main/core never imports electron', () => {
    const files = sourceFiles(path.join(root, 'main/core'));
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((f) => specifiers(readFileSync(f, 'utf8')).some(isElectron));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('main/cli never imports electron', () => {
    let files: string[] = [];
    try {
      files = sourceFiles(path.join(root, 'main/cli'));
    } catch {
      // No CLI yet: nothing to check.
    }
    const offenders = files.filter((f) => specifiers(readFileSync(f, 'utf8')).some(isElectron));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('the pure shell modules the tests load never import electron at run time', () => {
    for (const file of ['session-policy', 'window-options', 'launch-options', 'ipc-guard', 'app-protocol-handler']) {
      const source = readFileSync(path.join(root, 'main/app', `${file}.ts`), 'utf8');
      const runtimeElectron = specifiers(source.replace(/^import type .*$/gm, '')).filter(isElectron);
      expect(runtimeElectron, file).toEqual([]);
    }
  });

  it('preload/index.ts imports only electron and ./contract, and uses the event prefix', () => {
    const source = readFileSync(path.join(root, 'preload/index.ts'), 'utf8');
    expect(new Set(specifiers(source))).toEqual(new Set(['electron', './contract']));
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(source).toContain('`event:${name}`');
  });
});
