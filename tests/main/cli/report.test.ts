/**
 * `ncats report`, driven in-process against a real vault: both formats written (and readable by
 * poppler and unzip), never over an existing file, usage errors (exit 2) and an unknown case
 * (exit 1), and each export in the audit trail.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import { createNote } from '../../../main/core/notes/notes.service';
import { newCase } from '../core/cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../core/reports/read-back';
import { cliVaults, ncats } from './cli-fixture';

describe('ncats report', () => {
  let reference = '';
  const vaults = cliVaults({ ada: { username: 'ada', displayName: 'Ada Lovelace' } }, ({ ada }) => {
    const c = newCase(ada);
    reference = c.reference;
    createNote(ada, c.id, {
      occurredAt: '2025-06-03T09:30:00Z',
      type: 'phone_call',
      text: 'Spoke to the social worker about the first meeting.',
      thirdPartySensitive: false,
    });
  });
  /** `ncats report` as ada: the fixture case's chronology as PDF, unless `flags` say otherwise. */
  const report = (out: string, flags: { case?: string; kind?: string; format?: string } = {}) =>
    ncats(
      'report',
      ...vaults.as('ada'),
      '--case',
      flags.case ?? reference,
      '--kind',
      flags.kind ?? 'chronology',
      '--format',
      flags.format ?? 'pdf',
      '--out',
      out,
    );

  it('writes the chronology as PDF and as Word', async () => {
    const pdf = join(vaults.work, 'chronology.pdf');
    const pdfRun = await report(pdf);
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

    const docx = join(vaults.work, 'chronology.docx');
    const wordRun = await report(docx, { case: reference.toLowerCase(), format: 'docx' });
    expect(wordRun.code).toBe(EXIT.OK);
    if (UNZIP) {
      const parts = docxParts(readFileSync(docx));
      expect(xmlText(parts['word/document.xml'] ?? '')).toContain('Phone call: Spoke to the social worker');
      expect(xmlText(parts['word/header1.xml'] ?? '')).toContain('OFFICIAL-SENSITIVE');
    }

    const vault = await vaults.open('ada');
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
    const out = join(vaults.work, 'already-here.pdf');
    writeFileSync(out, 'keep me');
    const run = await report(out);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.err).toContain('already exists. Choose a new file name.');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('explains a wrong kind, format or extension (exit 2) and an unknown case (exit 1), writing nothing', async () => {
    const out = join(vaults.work, 'nothing.pdf');
    const kind = await report(out, { kind: 'horoscope' });
    expect(kind.code).toBe(EXIT.USAGE);
    // Every registered kind is listed (modules add theirs: consultation, assessment ...).
    expect(kind.err).toMatch(
      /There is no report called "horoscope". The reports are: ([a-z-]+, )*chronology(, [a-z-]+)*\./,
    );
    const format = await report(out, { format: 'rtf' });
    expect(format.code).toBe(EXIT.USAGE);
    expect(format.err).toContain('pdf or docx');
    const extension = await report(out, { format: 'docx' });
    expect(extension.code).toBe(EXIT.USAGE);
    expect(extension.err).toContain('--out should end in .docx');
    const missing = await report(out, { case: 'NC-1999-0001' });
    expect(missing.code).toBe(EXIT.FAILURE);
    expect(missing.err).toContain('There is no case NC-1999-0001.');
    expect(existsSync(out)).toBe(false);
  });

  it('is listed in ncats --help', async () => {
    const help = await ncats('--help');
    expect(help.out).toMatch(/report\s+Write a case report/);
  });
});
