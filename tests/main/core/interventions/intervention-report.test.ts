/**
 * The intervention report from a real encrypted vault, read back as a person's tools read it:
 * pdftotext for the PDF and the .docx XML. Goals with ratings and change (reliable change in
 * words), attendance and the DNA rate, reviews, closing summary and recommendations; no
 * session note and no safeguarding concern.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { raiseConcern } from '../../../../main/core/interventions/concerns.service';
import { addReview, closePlan, createPlan } from '../../../../main/core/interventions/interventions.service';
import { createSession } from '../../../../main/core/interventions/sessions.service';
import { exportReport } from '../../../../main/core/reports/report-export';
import { closureSchema, reviewSchema, type PlanView } from '../../../../preload/contract/interventions';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { concern, interventionCase, nth, plan, session, type InterventionCase } from './fixtures';

let t: TestVault;
let n: InterventionCase;
let p: PlanView;

beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  n = interventionCase(t.vault);
  p = createPlan(t.vault, n.caseId, plan(t.vault, n));
  const [g1, g2] = [nth(p.goals, 0).id, nth(p.goals, 1).id];
  createSession(t.vault, p.id, session({ sessionDate: '2025-05-12', ratings: [{ goalId: g1, rating: 4 }] }));
  createSession(
    t.vault,
    p.id,
    session({ sessionDate: '2025-05-19', attendance: 'did_not_attend', attendanceReason: 'Not known' }),
  );
  const held = createSession(
    t.vault,
    p.id,
    session({
      sessionDate: '2025-06-02',
      content: 'PRIVATE SESSION CONTENT',
      ratings: [
        { goalId: g1, rating: 7 },
        { goalId: g2, rating: 5 },
      ],
    }),
  );
  raiseConcern(t.vault, held.id, concern(t.vault, n, { description: 'SECRET CONCERN TEXT' }));
  addReview(
    t.vault,
    p.id,
    reviewSchema.parse({
      reviewDate: '2025-06-10',
      attendees: 'Mum; Priya Shah; Ada Admin',
      progress: 'He can now describe the build-up to the behaviour.',
      changes: 'Add a family session each month.',
      recommendations: 'Continue weekly sessions for twelve more weeks.',
    }),
  );
});
afterEach(() => t.cleanup());

function expectContent(text: string): void {
  for (const s of [
    "Other agencies' care alongside the intervention",
    'Goals and progress',
    'Attendance',
    'Reviews',
    'Recommendations',
  ])
    expect(text).toContain(s);
  expect(text).toContain('Progress report');
  expect(text).toContain('Understand what led to the behaviour.');
  expect(text).toContain('Reliable improvement (+5)');
  // A narrow table cell wraps in the PDF, so the words are checked without the figure.
  expect(text).toContain('Improvement, not reliable');
  expect(text).toContain('A change of 3 points or more');
  expect(text).toMatch(/DNA rate:? 33%/);
  expect(text).toContain('Child in need plan; fortnightly visits.');
  expect(text).toContain('Review on 10/06/2025');
  expect(text).toContain('Continue weekly sessions for twelve more weeks.');
  expect(text).not.toContain('PRIVATE SESSION CONTENT');
  expect(text).not.toContain('SECRET CONCERN TEXT');
}

describe('the intervention report', () => {
  it.skipIf(!POPPLER)(
    'as PDF: goals and change, attendance, and on every page the marking and the reference',
    async () => {
      const report = await exportReport(t.vault, { caseId: n.caseId, kind: 'intervention', format: 'pdf' });
      // Set NCATS_REPORT_OUT to a folder to keep the PDF and look at it (pdftoppm renders it to PNG).
      if (process.env.NCATS_REPORT_OUT)
        writeFileSync(join(process.env.NCATS_REPORT_OUT, 'intervention.pdf'), report.bytes);
      const pages = pdfPages(report.bytes);
      pages.forEach((page, i) => {
        expect(page).toContain('OFFICIAL-SENSITIVE');
        expect(page).toContain(n.reference);
        expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`, 'i'));
      });
      expectContent(pages.join('\n').replace(/\s+/g, ' '));
    },
  );

  it.skipIf(!UNZIP)('as Word: the same content', async () => {
    const report = await exportReport(t.vault, { caseId: n.caseId, kind: 'intervention', format: 'docx' });
    const body = xmlText(docxParts(report.bytes)['word/document.xml'] ?? '').replace(/\s+/g, ' ');
    expectContent(body);
  });

  it.skipIf(!POPPLER)('becomes the closing report once the plan is closed', async () => {
    closePlan(
      t.vault,
      p.id,
      p.version + 1,
      closureSchema.parse({
        closedOn: '2025-06-14',
        reason: 'goals_partly_met',
        summary: 'He met two of his three goals.',
        recommendations: 'The network keeps the safety plan under review.',
      }),
    );
    const report = await exportReport(t.vault, { caseId: n.caseId, kind: 'intervention', format: 'pdf' });
    const text = pdfPages(report.bytes).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Closing report');
    expect(text).toContain('Closed on 14/06/2025: Goals partly met');
    expect(text).toContain('He met two of his three goals.');
    expect(text).toContain('The network keeps the safety plan under review.');
  });

  it('names the plan in the suggested file name, so two plans’ reports exported the same day differ', async () => {
    closePlan(
      t.vault,
      p.id,
      p.version + 1,
      closureSchema.parse({ closedOn: '2025-06-14', reason: 'goals_met', summary: 'The first plan met its goals.' }),
    );
    createPlan(t.vault, n.caseId, plan(t.vault, n, { startDate: '2025-06-15' }));
    const latest = await exportReport(t.vault, { caseId: n.caseId, kind: 'intervention', format: 'docx' });
    const first = await exportReport(t.vault, {
      caseId: n.caseId,
      kind: 'intervention',
      format: 'docx',
      recordId: p.id,
    });
    expect(latest.fileName).toBe(`${n.reference} intervention started 15-06-2025 (active) exported 15-06-2025.docx`);
    expect(first.fileName).toBe(
      `${n.reference} intervention started 01-05-2025 (closed 14-06-2025) exported 15-06-2025.docx`,
    );
  });

  it('says so for a case without a plan', async () => {
    const empty = newCase(t.vault, {}, { givenName: 'No', familyName: 'Plan' });
    await expect(exportReport(t.vault, { caseId: empty.id, kind: 'intervention', format: 'pdf' })).rejects.toThrow(
      'This case has no intervention plan to report on yet.',
    );
  });
});

describe('the intervention report of one plan', () => {
  it.skipIf(!POPPLER)(
    'prints the plan asked for: a closed plan’s closing report after a new plan started',
    async () => {
      closePlan(
        t.vault,
        p.id,
        p.version + 1,
        closureSchema.parse({ closedOn: '2025-06-14', reason: 'goals_met', summary: 'The first plan met its goals.' }),
      );
      const second = createPlan(
        t.vault,
        n.caseId,
        plan(t.vault, n, {
          startDate: '2025-06-15',
          goals: [{ area: 'other', description: 'Go back to football club.', baselineRating: 1 }],
        }),
      );
      const text = async (record?: string) =>
        pdfPages(
          (await exportReport(t.vault, { caseId: n.caseId, kind: 'intervention', format: 'pdf', recordId: record }))
            .bytes,
        )
          .join('\n')
          .replace(/\s+/g, ' ');
      const first = await text(p.id);
      expect(first).toContain('Closing report');
      expect(first).toContain('The first plan met its goals.');
      expect(first).not.toContain('Go back to football club.');
      // Without a record, the active plan: the new one.
      const latest = await text();
      expect(latest).toContain('Progress report');
      expect(latest).toContain('Go back to football club.');
      expect(await text(second.id)).toContain('Go back to football club.');
    },
  );

  it('refuses a plan of another case, listing this case’s plans', async () => {
    const other = interventionCase(t.vault);
    const theirs = createPlan(t.vault, other.caseId, plan(t.vault, other));
    await expect(
      exportReport(t.vault, { caseId: n.caseId, kind: 'intervention', format: 'pdf', recordId: theirs.id }),
    ).rejects.toThrow(`Its intervention plans are: Intervention started 01/05/2025 (active) (${p.id}).`);
  });
});
