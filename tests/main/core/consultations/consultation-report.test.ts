/**
 * The consultation report from a real encrypted vault, read back as a person's tools read it:
 * pdftotext for the PDF and the .docx XML. Headed sections, the not-an-assessment statement,
 * page furniture on every page, UK dates, addenda and signed versions; no third-party person and
 * nothing of any other case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import {
  addConsultationAddendum,
  createConsultation,
  signConsultation,
} from '../../../../main/core/consultations/consultations.service';
import { addSession, createAgreement } from '../../../../main/core/consultations/batch.service';
import { exportReport } from '../../../../main/core/reports/report-export';
import { agreementSchema, CONSULTATION_STATEMENT, sessionSchema } from '../../../../preload/contract/consultations';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { consultation, networkCase, type NetworkCase } from './fixtures';

let t: TestVault;
let n: NetworkCase;

beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  n = await networkCase(t.vault);
  const made = createConsultation(
    t.vault,
    n.caseId,
    consultation(n, {
      // Long enough to need a second page, so the furniture is checked on more than one.
      discussion: Array.from(
        { length: 40 },
        (_, i) => `Point ${i + 1} of the discussion about supervision at home and school.`,
      ).join('\n\n'),
    }),
  );
  signConsultation(t.vault, made.id, made.version);
  t.setNow('2025-06-16T09:00:00Z');
  addConsultationAddendum(t.vault, made.id, 'DC Reed attended for the first half only.');
  // Another case discussed in a batch session with this one: it must never reach this report.
  const other = newCase(t.vault, {}, { givenName: 'Zebedee', familyName: 'Otherchild' });
  const agreement = createAgreement(
    t.vault,
    agreementSchema.parse({ organisation: 'Leeds Youth Justice', frequency: 'Monthly', startDate: '2025-01-01' }),
  );
  addSession(
    t.vault,
    agreement.id,
    sessionSchema.parse({
      sessionDate: '2025-06-02',
      reflectiveNotes: 'The team reflected on a very hard month.',
      discussedCases: [
        { caseId: n.caseId, discussion: 'Brief update on supervision.' },
        { caseId: other.id, discussion: 'Zebedee secret discussion.' },
      ],
    }),
  );
});
afterEach(() => t.cleanup());

const SECTIONS = [
  'Reason for the consultation',
  'Who attended',
  'Documents read',
  "The network's questions",
  'Discussion',
  'Recommendations on case management',
  'Suitability for assessment or intervention',
  'What a consultation is not',
  'Addenda',
  'Authors and sign-off',
];

function expectContent(text: string): void {
  for (const s of SECTIONS) expect(text).toContain(s);
  expect(text).toContain('Priya Shah');
  expect(text).toContain('Strategy meeting minutes');
  expect(text).toContain('10/06/2025');
  expect(text).toContain('Suitable later');
  expect(text).toContain('An assessment is not possible until the police investigation ends.');
  expect(text).toContain('DC Reed attended for the first half only.');
  expect(text).toContain('Ada Admin');
  expect(text).not.toContain('Dana Flagged');
  expect(text).not.toContain('Zebedee');
  expect(text).not.toContain('Leeds Youth Justice');
  expect(text).not.toContain('hard month');
}

describe('the consultation report', () => {
  it.skipIf(!POPPLER)(
    'as PDF: every section, and on every page the marking, the reference and page N of M',
    async () => {
      const report = await exportReport(t.vault, { caseId: n.caseId, kind: 'consultation', format: 'pdf' });
      expect(report.fileName).toBe(`${n.reference} consultation on 10-06-2025 exported 16-06-2025.pdf`);
      const pages = pdfPages(report.bytes);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page).toContain('OFFICIAL-SENSITIVE');
        expect(page).toContain(n.reference);
        expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`, 'i'));
      });
      const text = pages.join('\n').replace(/\s+/g, ' ');
      expectContent(text);
      expect(text).toContain(CONSULTATION_STATEMENT.slice(0, 60));
      expect(text).toContain('Signed off (version 1) by Ada Admin on 15/06/2025 11:00');
    },
  );

  it.skipIf(!UNZIP)('as Word: the same sections, and the marking and page numbers in header and footer', async () => {
    const report = await exportReport(t.vault, { caseId: n.caseId, kind: 'consultation', format: 'docx' });
    const parts = docxParts(report.bytes);
    const body = xmlText(parts['word/document.xml'] ?? '').replace(/\s+/g, ' ');
    expectContent(body);
    const furniture = Object.entries(parts)
      .filter(([name]) => /word\/(header|footer)\d*\.xml/.test(name))
      .map(([, xml]) => xml)
      .join('\n');
    expect(xmlText(furniture)).toContain('OFFICIAL-SENSITIVE');
    expect(xmlText(furniture)).toContain(n.reference);
    expect(furniture).toMatch(/NUMPAGES/);
  });

  it('is audited as an export, and a case without a consultation says so', async () => {
    await exportReport(t.vault, { caseId: n.caseId, kind: 'consultation', format: 'pdf' });
    const row = t.vault.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'report.export' ORDER BY seq DESC LIMIT 1")
      .get() as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({ kind: 'consultation', format: 'pdf', caseReference: n.reference });
    const empty = newCase(t.vault, {}, { givenName: 'No', familyName: 'Consultation' });
    await expect(exportReport(t.vault, { caseId: empty.id, kind: 'consultation', format: 'pdf' })).rejects.toThrow(
      'This case has no consultation to report on yet.',
    );
  });
});
