/**
 * Victim fields in the subject access request, from a real vault through the real report: an
 * assessment behaviour's "who was harmed" is withheld from the requester's copy whether or not
 * the behaviour was flagged, the name it gives is taken out of every other item, and the
 * reviewer's copy logs it with the original, in a redaction log that starts a page of its own.
 * Also: a note whose text starts with its own type reads "Case note: ..." once, not twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../../main/core/core';
import { addBehaviour } from '../../../../../main/core/assessments/assessment-content.service';
import { openAssessment } from '../../../../../main/core/assessments/assessments.service';
import { createNote } from '../../../../../main/core/notes/notes.service';
import { exportReport } from '../../../../../main/core/reports/report-export';
import { behaviourSchema } from '../../../../../preload/contract/assessment-records';
import { assessmentCase } from '../../assessments/fixtures';
import { makeVault, type TestVault } from '../../cases/fixtures';
import { POPPLER } from '../read-back';
import { pdfRawText } from './raw-text';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HARMED = 'Lily Marsh, a younger cousin';

let t: TestVault;
let caseId: string;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  const c = assessmentCase(t.vault);
  caseId = c.id;
  const a = openAssessment(t.vault, c.id);
  // Not flagged: before, only the flag kept the victim out of the requester's copy.
  addBehaviour(
    t.vault,
    a.id,
    behaviourSchema.parse({
      occurredOn: '2025-02-10',
      description: 'BEHAVIOUR-ONE: touched Lily at a family party.',
      setting: 'Home',
      harmed: HARMED,
      thirdParty: false,
      hackett: 'abusive',
    }),
  );
  createNote(t.vault, c.id, {
    occurredAt: '2025-05-02T09:00:00Z',
    type: 'case_note',
    text: 'Case note: SCHOOL-CALL-NOTE Amelia said Lily’s mother called the school.',
    thirdPartySensitive: false,
  });
});
afterEach(() => t.cleanup());

/** Set NCATS_REPORT_OUT to a folder to keep the PDFs and look at them (pdftoppm renders them to PNG). */
const keep = (name: string, bytes: Buffer) => {
  if (process.env.NCATS_REPORT_OUT) writeFileSync(join(process.env.NCATS_REPORT_OUT, name), bytes);
};
const oneLine = (s: string) => s.replace(/-\s+/g, '-').replace(/\s+/g, ' ');
const sar = async (reviewerCopy = false) => {
  const r = await exportReport(t.vault, {
    caseId,
    kind: 'subject-access',
    format: 'pdf',
    ...(reviewerCopy ? { reviewerCopy } : {}),
  });
  keep(`sar-victim${reviewerCopy ? '-reviewer' : ''}.pdf`, r.bytes);
  return r;
};
const lastDetail = () =>
  JSON.parse(
    (
      t.vault.db
        .prepare("SELECT detail FROM audit_log WHERE action = 'report.subject_access' ORDER BY seq DESC LIMIT 1")
        .get() as { detail: string }
    ).detail,
  ) as Record<string, unknown>;

/** Each page's text, laid out (`pdftotext -layout`), in page order. */
function pages(bytes: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-sar-pages-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).split('\f');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!POPPLER)('victim fields in the subject access request', () => {
  it('the requester’s copy withholds who was harmed, though the behaviour was not flagged, and the name everywhere', async () => {
    const text = oneLine(pdfRawText((await sar()).bytes));
    expect(text).not.toContain('Lily');
    expect(text).not.toContain('Marsh');
    expect(text).not.toContain('younger cousin');
    // The rest of the behaviour and of the note is released, the harmed field visibly withheld.
    expect(text).toContain('BEHAVIOUR-ONE: touched [name redacted] at a family party.');
    expect(text).toContain('Who was harmed: [withheld: third-party information]');
    expect(text).toContain('SCHOOL-CALL-NOTE Amelia said [name redacted] mother called the school.');
    // The requester's own family name stays.
    expect(text).toContain('Jo Hughes');
    expect(lastDetail()).toMatchObject({ copy: 'requester', victimFieldsWithheld: 1, itemsWithheld: 1 });
  });

  it('the reviewer’s copy logs the field with its original, on a page of its own', async () => {
    const bytes = (await sar(true)).bytes;
    const text = oneLine(pdfRawText(bytes));
    expect(text).toContain('“Who was harmed” is third-party information (the harmed person)');
    expect(text).toContain(`Who was harmed: ${HARMED}`);
    expect(text).toContain(`Name match: ${HARMED} (recorded as “Who was harmed”)`);
    // The log's page holds nothing before its heading but the page header.
    const all = pages(bytes);
    const logPage = all.findIndex((p) => p.includes('Redaction log (reviewer only'));
    expect(logPage).toBeGreaterThan(0);
    const before = (all[logPage] ?? '').split('Redaction log (reviewer only')[0] ?? '';
    expect(
      before
        .replace(
          /OFFICIAL-SENSITIVE|Subject access request: REVIEWER’S COPY, not for the requester|Case NC-\d{4}-\d+/g,
          '',
        )
        .trim(),
    ).toBe('');
    // And the page before it is the records' end, not the log.
    expect(all[logPage - 1]).not.toContain('Redaction log');
  });

  it('a note whose text starts with its type reads the type once', async () => {
    const text = oneLine(pdfRawText((await sar()).bytes));
    expect(text).toContain('Case note: SCHOOL-CALL-NOTE');
    expect(text).not.toMatch(/Case note: Case note/i);
  });
});
