/**
 * `ncats report`, driven in-process against a real vault: both formats written (and readable by
 * poppler and unzip), never over an existing file, usage errors (exit 2) and an unknown case
 * (exit 1), and each export in the audit trail.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import type { CliIo } from '../../../main/cli/io';
import { runCli } from '../../../main/cli/run';
import { createNote } from '../../../main/core/notes/notes.service';
import { createVault, unlockVault } from '../../../main/core/vault/vault';
import { FAST, PASSWORD, tempDirs } from '../core/bundles/fixtures';
import { newCase } from '../core/cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../core/reports/read-back';

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = [PASSWORD];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    stdinIsTTY: false,
    readLine: () => Promise.resolve(lines.shift() ?? null),
    promptHidden: () => Promise.reject(new Error('no terminal')),
    env: {},
    now: () => new Date(),
  };
}

async function ncats(...argv: string[]) {
  const streams = io();
  const code = await runCli(argv, streams);
  return { code, out: streams.stdout.join('\n'), err: streams.stderr.join('\n') };
}

describe('ncats report', () => {
  const dirs = tempDirs();
  let work: string;
  let vaultDir: string;
  let reference: string;
  const as = () => ['--vault', vaultDir, '--user', 'ada', '--password-stdin'];

  beforeAll(async () => {
    work = dirs.make();
    vaultDir = join(work, 'vault');
    const { vault } = await createVault(
      vaultDir,
      { username: 'ada', displayName: 'Ada Lovelace', password: PASSWORD },
      FAST,
    );
    const c = newCase(vault);
    reference = c.reference;
    createNote(vault, c.id, {
      occurredAt: '2025-06-03T09:30:00Z',
      type: 'phone_call',
      text: 'Spoke to the social worker about the first meeting.',
      thirdPartySensitive: false,
    });
    vault.close();
  });
  afterAll(() => dirs.cleanup());

  it('writes the chronology as PDF and as Word', async () => {
    const pdf = join(work, 'chronology.pdf');
    const pdfRun = await ncats(
      'report',
      ...as(),
      '--case',
      reference,
      '--kind',
      'chronology',
      '--format',
      'pdf',
      '--out',
      pdf,
    );
    expect(pdfRun).toMatchObject({ code: EXIT.OK, err: '' });
    expect(pdfRun.out).toContain(`Wrote the chronology of case ${reference} to ${pdf}`);
    expect(statSync(pdf).mode & 0o077).toBe(0);
    if (POPPLER) {
      const pages = pdfPages(readFileSync(pdf));
      expect(pages[0]).toContain('OFFICIAL-SENSITIVE');
      expect(pages[0]).toContain(`Case ${reference}`);
      expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
      expect(pages.join('\n')).toContain('Phone call: Spoke to the social worker about the first meeting.');
      expect(pages.join('\n')).toContain('Produced by Ada Lovelace');
    }

    const docx = join(work, 'chronology.docx');
    const wordRun = await ncats(
      'report',
      ...as(),
      '--case',
      reference.toLowerCase(),
      '--kind',
      'chronology',
      '--format',
      'docx',
      '--out',
      docx,
    );
    expect(wordRun.code).toBe(EXIT.OK);
    if (UNZIP) {
      const parts = docxParts(readFileSync(docx));
      expect(xmlText(parts['word/document.xml'] ?? '')).toContain('Phone call: Spoke to the social worker');
      expect(xmlText(parts['word/header1.xml'] ?? '')).toContain('OFFICIAL-SENSITIVE');
    }

    const vault = await unlockVault(vaultDir, 'ada', PASSWORD, FAST);
    try {
      const rows = vault.db
        .prepare(`SELECT detail FROM audit_log WHERE action = 'report.export' ORDER BY seq`)
        .all() as { detail: string }[];
      expect(rows.map((r) => JSON.parse(r.detail) as unknown)).toEqual([
        { kind: 'chronology', format: 'pdf', caseReference: reference },
        { kind: 'chronology', format: 'docx', caseReference: reference },
      ]);
    } finally {
      vault.close();
    }
  });

  it('never overwrites an existing file', async () => {
    const out = join(work, 'already-here.pdf');
    writeFileSync(out, 'keep me');
    const run = await ncats(
      'report',
      ...as(),
      '--case',
      reference,
      '--kind',
      'chronology',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.err).toContain('already exists. Choose a new file name.');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('explains a wrong kind, format or extension (exit 2) and an unknown case (exit 1), writing nothing', async () => {
    const out = join(work, 'nothing.pdf');
    const kind = await ncats(
      'report',
      ...as(),
      '--case',
      reference,
      '--kind',
      'horoscope',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(kind.code).toBe(EXIT.USAGE);
    // Every registered kind is listed (modules add theirs: consultation, assessment ...).
    expect(kind.err).toMatch(
      /There is no report called "horoscope". The reports are: ([a-z-]+, )*chronology(, [a-z-]+)*\./,
    );
    const format = await ncats(
      'report',
      ...as(),
      '--case',
      reference,
      '--kind',
      'chronology',
      '--format',
      'rtf',
      '--out',
      out,
    );
    expect(format.code).toBe(EXIT.USAGE);
    expect(format.err).toContain('pdf or docx');
    const extension = await ncats(
      'report',
      ...as(),
      '--case',
      reference,
      '--kind',
      'chronology',
      '--format',
      'docx',
      '--out',
      out,
    );
    expect(extension.code).toBe(EXIT.USAGE);
    expect(extension.err).toContain('--out should end in .docx');
    const missing = await ncats(
      'report',
      ...as(),
      '--case',
      'NC-1999-0001',
      '--kind',
      'chronology',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(missing.code).toBe(EXIT.FAILURE);
    expect(missing.err).toContain('There is no case NC-1999-0001.');
    expect(existsSync(out)).toBe(false);
  });

  it('is listed in ncats --help', async () => {
    const help = await ncats('--help');
    expect(help.out).toMatch(/report\s+Write a case report/);
  });
});
