/**
 * The subject access request (report kind `subject-access`) from a real vault, read back with
 * pdftotext: the requester's copy of the young person's records and of one carer's holds no
 * third party's name or words and nothing of the other family in the Safe Home group, while the
 * young person's own records are there; the reviewer's copy lists each redaction with its
 * original; each export is audited as `report.subject_access` with its counts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../../main/core/core';
import { exportReport } from '../../../../../main/core/reports/report-export';
import { makeVault, type TestVault } from '../../cases/fixtures';
import { POPPLER, UNZIP, docxParts, xmlText } from '../read-back';
import { A_WORDS, B_WORDS } from '../../safe-home/two-families';
import { pdfRawText } from './raw-text';
import { FLAGGED_NOTE, NEVER_RELEASED, OWN_NOTE, writeSarCase, type SarCase } from './sar-case';

let t: TestVault;
let g: SarCase;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  g = writeSarCase(t.vault);
});
afterEach(() => t.cleanup());

/** One line, with a word broken at a hyphen across two lines of a cell joined again. */
const oneLine = (s: string) => s.replace(/-\s+/g, '-').replace(/\s+/g, ' ');
const sar = (options: { personId?: string; reviewerCopy?: boolean; format?: 'pdf' | 'docx'; caseId?: string } = {}) =>
  exportReport(t.vault, {
    caseId: options.caseId ?? g.a.caseId,
    kind: 'subject-access',
    format: options.format ?? 'pdf',
    ...(options.personId ? { personId: options.personId } : {}),
    ...(options.reviewerCopy ? { reviewerCopy: true } : {}),
  });
const keep = (name: string, bytes: Buffer) => {
  // Set NCATS_REPORT_OUT to a folder to keep the PDF and look at it (pdftoppm renders it to PNG).
  if (process.env.NCATS_REPORT_OUT) writeFileSync(join(process.env.NCATS_REPORT_OUT, name), bytes);
};
const pdfText = async (options: Parameters<typeof sar>[0] = {}, name = 'sar.pdf') => {
  const r = await sar(options);
  keep(name, r.bytes);
  return oneLine(pdfRawText(r.bytes));
};
const lastAudit = () =>
  t.vault.db
    .prepare(
      "SELECT action, case_id AS caseId, detail FROM audit_log WHERE action LIKE 'report.%' ORDER BY seq DESC LIMIT 1",
    )
    .get() as { action: string; caseId: string; detail: string };

describe.skipIf(!POPPLER)('the subject access request (young person)', () => {
  it('the requester’s copy holds none of the third parties’ names or words, and the young person’s own records', async () => {
    const text = await pdfText();
    for (const w of [...NEVER_RELEASED, ...B_WORDS]) expect(text).not.toContain(w);
    expect(text).not.toContain('Redaction log');
    // The positive controls: the young person's own note, the rest of a note that named the
    // victim, the family's own carers in the Safe Home records, the identity.
    expect(text).toContain(OWN_NOTE);
    expect(text).toContain('SAM-NAMING-NOTE');
    expect(text).toContain('HELEN-LIFT-NOTE');
    for (const w of A_WORDS.filter((x) => x.includes('Ashworth'))) expect(text).toContain(w);
    expect(text).toContain('Sam Ashworth');
    expect(text).toMatch(/Redacted: third-party information, item \d+/);
    expect(text).toContain('Sam said sorry to [name redacted] teacher and to [name redacted] at home.');
    expect(text).toContain('Helen said [name redacted] gave her a lift');
    expect(text).toContain('Subject access request');
    expect(text).toContain('OFFICIAL-SENSITIVE');
  });

  it('the reviewer’s copy lists each redaction with its item, why and original text', async () => {
    const text = await pdfText({ reviewerCopy: true }, 'sar-reviewer.pdf');
    expect(text).toContain('REVIEWER’S COPY, not for the requester');
    expect(text).toMatch(/Redaction log \(reviewer only, \d+ redactions\)/);
    expect(text).toContain(FLAGGED_NOTE.slice(0, 30));
    expect(text).toContain('Flagged as third-party information');
    expect(text).toContain('Name match: Poppy Ashworth (third-party person on the case)');
    expect(text).toContain('Name match: Grace Brennan (another family in the same Safe Home group)');
    // The person row of the victim is withheld whole, and logged.
    expect(text).toMatch(
      /3 01\/06\/2025 Person Flagged as third-party information THIRD-PARTY INFORMATION Poppy Ashworth, Sibling, Sister/,
    );
  });

  it('is audited as report.subject_access with whose records, which copy and the counts', async () => {
    await sar();
    const requester = lastAudit();
    expect(requester.action).toBe('report.subject_access');
    expect(requester.caseId).toBe(g.a.caseId);
    const detail = JSON.parse(requester.detail) as Record<string, unknown>;
    expect(detail).toMatchObject({ kind: 'subject-access', subject: 'young_person', copy: 'requester' });
    // The victim's person row and the flagged note are withheld; two notes have names taken out.
    expect(detail.itemsWithheld).toBe(2);
    expect(detail.itemsWithNamesRedacted).toBe(2);
    expect(detail.redactions).toBe(4);
    await sar({ reviewerCopy: true });
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ copy: 'reviewer', redactions: 4 });
  });

  it.skipIf(!UNZIP)('the Word copy is redacted the same way', async () => {
    const r = await sar({ format: 'docx' });
    const text = oneLine(xmlText(docxParts(r.bytes)['word/document.xml'] ?? ''));
    for (const w of [...NEVER_RELEASED, ...B_WORDS]) expect(text).not.toContain(w);
    expect(text).toContain(OWN_NOTE);
  });
});

describe.skipIf(!POPPLER)('the subject access request of one carer', () => {
  const helenId = () =>
    (t.vault.db.prepare("SELECT id FROM case_people WHERE name = 'Helen Ashworth'").get() as { id: string }).id;

  it('holds the carer’s own Safe Home records, and nothing of the young person’s, the other carer’s or the other family’s', async () => {
    const text = await pdfText({ personId: helenId() }, 'sar-carer.pdf');
    expect(text).toContain('Helen Ashworth (Mother)');
    expect(text).toContain('HELEN-OWN-NOTE');
    expect(text).toContain('ASHWORTH-SAFETY-PLAN');
    expect(text).toContain('Helen Ashworth (Mother) enrolled in Safe Home');
    for (const w of [...NEVER_RELEASED, ...B_WORDS, 'Mark Ashworth', 'SAM-OWN-NOTE', 'HELEN-LIFT-NOTE'])
      expect(text).not.toContain(w);
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ subject: 'carer', personId: helenId(), copy: 'requester' });
  });

  it('refuses a person who is not a carer of the case (a sibling, another family’s carer, an unknown id)', async () => {
    const grace = (
      t.vault.db.prepare("SELECT id FROM case_people WHERE name = 'Grace Brennan'").get() as { id: string }
    ).id;
    for (const personId of [g.victimId, grace, '00000000-0000-4000-8000-000000000000']) {
      await expect(sar({ personId })).rejects.toThrow(/is not one\. Its parents and carers are: .*Helen Ashworth/);
    }
    const before = (
      t.vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.subject_access'").get() as {
        n: number;
      }
    ).n;
    expect(before).toBe(0);
  });
});

describe('report options the other kinds do not take', () => {
  it('a person or a reviewer’s copy of the chronology is refused', async () => {
    await expect(
      exportReport(t.vault, { caseId: g.a.caseId, kind: 'chronology', format: 'pdf', personId: g.victimId }),
    ).rejects.toThrow('The chronology is not made for one person: leave out the person.');
    await expect(
      exportReport(t.vault, { caseId: g.a.caseId, kind: 'chronology', format: 'pdf', reviewerCopy: true }),
    ).rejects.toThrow('The chronology has no reviewer’s copy.');
  });
});
