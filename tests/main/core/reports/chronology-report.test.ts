/**
 * The printable chronology from a real encrypted vault: every event oldest first, upcoming
 * tasks apart from what has happened, third-party entries marked, both formats, and the export
 * in the audit trail in the same transaction as the read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeTask, createTask } from '../../../../main/core/casework/work.service';
import { createNote } from '../../../../main/core/notes/notes.service';
import { exportReport, readReport } from '../../../../main/core/reports/report-export';
import { AppError } from '../../../../main/core/errors';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from './read-back';

let t: TestVault;
let caseId: string;
let reference: string;

beforeEach(async () => {
  // 10:00 UTC on 15/06/2025 is 11:00 in London (BST).
  t = await makeVault('2025-06-15T10:00:00Z');
  const c = newCase(t.vault);
  caseId = c.id;
  reference = c.reference;
  const note = (text: string, occurredAt: string, thirdPartySensitive = false) =>
    createNote(t.vault, caseId, { occurredAt, type: 'phone_call', text, thirdPartySensitive });
  note('Spoke to the social worker about the first meeting.', '2025-06-03T09:30:00Z');
  note('The sister described what happened at home.', '2025-06-05T14:00:00Z', true);
  const owner = t.vault.user.id;
  createTask(t.vault, caseId, { title: 'Chase the school report', ownerId: owner, dueDate: '2025-06-10' });
  createTask(t.vault, caseId, { title: 'Book the professionals meeting', ownerId: owner, dueDate: '2025-07-02' });
  const early = createTask(t.vault, caseId, {
    title: 'Send the welcome letter',
    ownerId: owner,
    dueDate: '2025-06-30',
  });
  completeTask(t.vault, early.id, early.version);
});
afterEach(() => t.cleanup());

function reportActions(): { action: string; detail: string; case_id: string }[] {
  return t.vault.db
    .prepare(`SELECT action, detail, case_id FROM audit_log WHERE action = 'report.export' ORDER BY seq`)
    .all() as { action: string; detail: string; case_id: string }[];
}

describe('the chronology report', () => {
  it('lists what has happened oldest first and the open tasks still to come under Upcoming', () => {
    const doc = readReport(t.vault, caseId, 'chronology', 'pdf');
    expect(doc).toMatchObject({ title: 'Chronology', caseReference: reference, producedBy: 'Ada Admin' });
    expect(doc.producedAt).toBe('15/06/2025 at 11:00');
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    const [happened, upcoming] = tables;
    const summaries = happened?.rows.map((r) => r.cells.map((c) => (typeof c === 'string' ? c : c.text))) ?? [];
    expect(summaries.map((r) => r[0])).toEqual([
      '01/06/2025',
      '03/06/2025 10:30',
      '05/06/2025 15:00',
      '10/06/2025',
      '15/06/2025 11:00',
    ]);
    expect(summaries.map((r) => r[2])).toEqual([
      'Referral received from Children’s social care',
      'Phone call: Spoke to the social worker about the first meeting.',
      'Phone call: The sister described what happened at home.',
      'Task due: Chase the school report',
      'Task done: Send the welcome letter',
    ]);
    // The note about the sister is the only third-party entry, and it is marked as such.
    const marked = happened?.rows.filter((r) => r.cells.some((c) => typeof c !== 'string')) ?? [];
    expect(marked).toHaveLength(1);
    // Only the open task due after today is upcoming; the one done early is not.
    expect(upcoming?.rows.map((r) => r.cells)).toEqual([['02/07/2025', 'Book the professionals meeting', 'Ada Admin']]);
  });

  it.skipIf(!POPPLER)('as a PDF: marking, reference and Page N of M on every page, UK dates, the events', async () => {
    // Enough notes for several pages.
    for (let i = 1; i <= 60; i++) {
      createNote(t.vault, caseId, {
        occurredAt: `2025-06-0${(i % 9) + 1}T08:00:00Z`,
        type: 'case_note',
        text: `Routine note ${i} about the plan for the week and who is doing what.`,
        thirdPartySensitive: false,
      });
    }
    const report = await exportReport(t.vault, { caseId, kind: 'chronology', format: 'pdf' });
    expect(report.fileName).toBe(`${reference} chronology 15-06-2025.pdf`);
    expect(report.mediaType).toBe('application/pdf');
    const pages = pdfPages(report.bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain(`Case ${reference}`);
    });
    const text = pages.join('\n');
    expect(text).toContain('Produced by Ada Admin on 15/06/2025 at 11:00');
    expect(text).toMatch(/Date of birth\s+14\/03\/2010/);
    expect(text).toMatch(/THIRD-PARTY INFORMATION\s+Ada Admin\s+15:00\s+Phone call: The sister described/);
    expect(text).toContain('Routine note 60 about the plan');
    // Upcoming comes after everything that has happened, and holds the future task.
    const upcomingAt = text.indexOf('Upcoming');
    expect(upcomingAt).toBeGreaterThan(text.indexOf('Task done: Send the welcome letter'));
    expect(text.slice(upcomingAt)).toMatch(/02\/07\/2025\s+Book the professionals meeting/);
    expect(text.slice(0, upcomingAt)).not.toContain('Book the professionals meeting');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it.skipIf(!UNZIP)('as Word: the same content, with the marking and reference in header and footer', async () => {
    const report = await exportReport(t.vault, { caseId, kind: 'chronology', format: 'docx' });
    expect(report.fileName).toBe(`${reference} chronology 15-06-2025.docx`);
    expect(report.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const parts = docxParts(report.bytes);
    const body = xmlText(parts['word/document.xml'] ?? '');
    expect(body).toContain('Chronology');
    expect(body).toContain('Phone call: Spoke to the social worker about the first meeting.');
    expect(body).toMatch(/THIRD-PARTY INFORMATION\s*Phone call: The sister described/);
    expect(body.indexOf('Book the professionals meeting')).toBeGreaterThan(body.indexOf('Upcoming'));
    const furniture = Object.entries(parts)
      .filter(([n]) => /^word\/(header|footer)\d*\.xml$/.test(n))
      .map(([, xml]) => xmlText(xml))
      .join('\n');
    expect(furniture.match(/OFFICIAL-SENSITIVE/g)?.length).toBeGreaterThanOrEqual(2);
    expect(furniture).toContain(`Case ${reference}`);
  });

  it('writes one report.export audit row per export, naming the kind and format, in the read’s transaction', async () => {
    await exportReport(t.vault, { caseId, kind: 'chronology', format: 'pdf' });
    await exportReport(t.vault, { caseId, kind: 'chronology', format: 'docx' });
    const rows = reportActions();
    expect(rows.map((r) => [r.case_id, JSON.parse(r.detail)])).toEqual([
      [caseId, { kind: 'chronology', format: 'pdf', caseReference: reference }],
      [caseId, { kind: 'chronology', format: 'docx', caseReference: reference }],
    ]);
    // The audit row is in the read's transaction: a kind that fails while reading leaves none.
    expect(() => readReport(t.vault, '00000000-0000-4000-8000-000000000000', 'chronology', 'pdf')).toThrow(
      /does not exist/,
    );
    expect(reportActions()).toHaveLength(2);
  });

  it('refuses an unknown kind or format with a clear message and writes nothing', async () => {
    await expect(exportReport(t.vault, { caseId, kind: 'horoscope', format: 'pdf' })).rejects.toThrow(
      /There is no report called "horoscope". The reports are: chronology/,
    );
    await expect(exportReport(t.vault, { caseId, kind: 'chronology', format: 'rtf' })).rejects.toBeInstanceOf(AppError);
    expect(reportActions()).toHaveLength(0);
  });
});
