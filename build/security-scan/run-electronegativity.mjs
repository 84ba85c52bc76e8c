/**
 * Runs @doyensec/electronegativity's scanner over one folder and prints its findings as JSON
 * (`{ checks, errors, issues: [{ id, severity, confidence, file, line, column, sample }] }`).
 *
 * Usage: node build/security-scan/run-electronegativity.mjs <folder> [excludedCheck ...]
 *
 * The scanner asks the internet for updated translations of its messages before every scan;
 * this machine is offline and the project makes no network requests, so the HTTP client it
 * uses (`got`) is replaced, before the scanner loads, by one that fails at once. Nothing is
 * sent, and the scanner then falls back to its bundled English messages.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const offline = () =>
  Promise.reject(Object.assign(new Error('offline: no network for the scanner'), { code: 'ENETUNREACH' }));
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return Object.assign(offline, { default: offline, get: offline, post: offline });
  return originalLoad.call(this, request, parent, isMain);
};

async function main() {
  const [input, ...excluded] = process.argv.slice(2);
  if (!input) throw new Error('Usage: run-electronegativity.mjs <folder> [excludedCheck ...]');
  // The scanner logs its translation fallback on stdout; keep stdout for the JSON alone.
  const log = console.log;
  console.log = (...args) => console.error(...args);
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const result = await run({
    input: path.resolve(input),
    isRelative: true,
    excludeFromScan: excluded,
    customScan: [],
    parserPlugins: [],
  });
  const issues = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location ? issue.location.line : 0,
    column: issue.location ? issue.location.column : 0,
    sample: typeof issue.sample === 'string' ? issue.sample.slice(0, 200) : '',
  }));
  const errors = result.errors.map((e) => ({ file: e.file, message: String(e.message ?? e.error ?? e).slice(0, 300) }));
  log(JSON.stringify({ checks: result.globalChecks + result.atomicChecks, errors, issues }));
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
