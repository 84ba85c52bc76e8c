/**
 * The check that no secret reached a log (issue 15): given the text of every log a run wrote and
 * the secrets the run used (passwords, recovery keys, young people's names), say where each
 * secret appears. A finding names the log, the line and the kind of secret, never the secret
 * itself, so the report of a leak does not leak it again.
 *
 * Pure: tests/main/e2e/check-logs.test.ts plants secrets in logs to show it finds them.
 */

export type SecretKind = 'password' | 'recovery key' | 'passphrase' | "young person's name";

export interface Secret {
  kind: SecretKind;
  value: string;
}

export interface LogText {
  /** The log's file name (for the report). */
  file: string;
  text: string;
}

export interface Finding {
  file: string;
  line: number;
  kind: SecretKind;
}

/** Shorter than this, a value is too likely to occur by chance to count as a leak. */
const MIN_LENGTH = 5;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The patterns one secret is searched by. A recovery key is matched with any separators (or
 * none) between its characters, as it is shown in groups, typed with dashes or logged raw; a
 * name is matched as whole words, in full and by each part; the rest literally. All ignore case.
 */
export function patternsFor(secret: Secret): RegExp[] {
  const value = secret.value.trim();
  if (secret.kind === 'recovery key') {
    const chars = value.replace(/[^0-9a-z]/gi, '');
    if (chars.length < MIN_LENGTH) return [];
    return [new RegExp(chars.split('').map(escape).join('[\\s-]*'), 'i')];
  }
  if (secret.kind === "young person's name") {
    const parts = value.split(/\s+/).filter((p) => p.length >= MIN_LENGTH);
    const words = [value, ...parts].filter((w, i, all) => w.length >= MIN_LENGTH && all.indexOf(w) === i);
    return words.map(
      (w) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(w).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
    );
  }
  return value.length >= MIN_LENGTH ? [new RegExp(escape(value), 'i')] : [];
}

/** Every place a secret appears in the logs, one finding per log line and kind. */
export function findSecrets(logs: LogText[], secrets: Secret[]): Finding[] {
  const searches = secrets.flatMap((s) => patternsFor(s).map((pattern) => ({ kind: s.kind, pattern })));
  const findings: Finding[] = [];
  for (const log of logs) {
    log.text.split('\n').forEach((text, index) => {
      const kinds = new Set(searches.filter((s) => s.pattern.test(text)).map((s) => s.kind));
      for (const kind of kinds) findings.push({ file: log.file, line: index + 1, kind });
    });
  }
  return findings;
}

/** The report of a failed check, safe to print: where and what kind, not the value. */
export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  ${f.file}:${f.line}: a ${f.kind}`).join('\n');
}
