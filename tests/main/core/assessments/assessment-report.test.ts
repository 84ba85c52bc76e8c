/**
 * The assessment report from a real encrypted vault, read back as a person's tools read it
 * (pdftotext, the .docx XML): every headed section, the marking, reference and page N of M on
 * every page, UK dates, the harmed person of a third-party behaviour left out. And its sign-off
 * through the generic sign-off: refused with `canSignOff`'s reasons, then allowed; the content
 * locked once signed; an addendum in the next render.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import {
  addBehaviour,
  addRecommendation,
  updateBehaviour,
} from '../../../../main/core/assessments/assessment-content.service';
import { addAssessmentAddendum, signOffAssessment } from '../../../../main/core/assessments/assessment-signoff.service';
import {
  completeStage,
  getAssessment,
  openAssessment,
  updateAssessment,
} from '../../../../main/core/assessments/assessments.service';
import { exportReport } from '../../../../main/core/reports/report-export';
import {
  RECOMMENDATION_GROUPS,
  behaviourSchema,
  type AssessmentView,
} from '../../../../preload/contract/assessment-records';
import { auditActions, makeVault, type TestVault } from '../cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { assessmentCase } from './fixtures';

let t: TestVault;
let caseId: string;
let reference: string;
let a: AssessmentView;

const current = (): AssessmentView => {
  const view = getAssessment(t.vault, caseId);
  if (!view) throw new Error('no assessment');
  return view;
};

beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  const c = assessmentCase(t.vault);
  caseId = c.id;
  reference = c.reference;
  a = openAssessment(t.vault, caseId);
  const meeting = a.stages.find((s) => s.stage === 'professionals_meeting');
  if (!meeting) throw new Error('no meeting stage');
  completeStage(t.vault, meeting.id, meeting.version, '2025-05-08');
  addBehaviour(
    t.vault,
    a.id,
    behaviourSchema.parse({
      occurredOn: '2025-02-03',
      description: 'Touched a younger child at a family gathering.',
      setting: 'Home of a relative',
      harmed: 'Lily Secretname, aged 6',
      thirdParty: true,
      hackett: 'abusive',
      brookVersion: '2020',
      brookBand: '14-18',
      brookColour: 'red',
    }),
  );
  addBehaviour(
    t.vault,
    a.id,
    behaviourSchema.parse({
      occurredOn: '2025-01-20',
      description: 'Shared sexual images with peers online.',
      setting: 'Online',
      harmed: 'Classmates in year 10',
      thirdParty: false,
      hackett: 'problematic',
    }),
  );
  a = updateAssessment(t.vault, a.id, current().version, {
    formulation: Array.from(
      { length: 30 },
      (_, i) => `Part ${i + 1} of making sense of the behaviour, its triggers and what maintains it.`,
    ).join('\n\n'),
    riskToOthers: 'medium',
    riskToOthersRationale: 'Opportunities at family gatherings.',
    riskToSelf: 'low',
    riskFromOthers: 'high',
    protectiveFactors: 'A mother who supervises well.',
    erasorOverall: 'moderate',
    jsoapPercent: 35,
  });
});
afterEach(() => t.cleanup());

function addAllGroups(): void {
  for (const group of RECOMMENDATION_GROUPS) {
    addRecommendation(t.vault, a.id, {
      group,
      text: `Recommend ${group.replace('_', ' ')} work`,
      owner: 'Leeds social care',
      timescale: 'Within 4 weeks',
    });
  }
}

const SECTIONS = [
  'Reason for referral and sources',
  'The harmful sexual behaviour',
  'The assessment process',
  'Psychometric assessments',
  'Understanding the behaviour',
  'Risks and needs',
  'Attachment',
  'No attachment (DMM) assessment has been recorded for this case.',
  'Recommendations',
  'Case management',
  'Safety planning',
  'Placement',
  'Treatment',
  'Authors and sign-off',
];

function expectContent(text: string): void {
  for (const s of SECTIONS) expect(text).toContain(s);
  expect(text).toContain('Concerns raised by school.');
  expect(text).toContain('Children’s social care');
  expect(text).toContain('Professionals meeting');
  expect(text).toContain('08/05/2025');
  expect(text).toContain('03/02/2025');
  expect(text).toContain('Abusive');
  expect(text).toContain('Brook Traffic Light Tool (2020 revision), age band 14-18: Red');
  expect(text).toContain('Not included: third-party information');
  expect(text).toContain('Classmates in year 10');
  expect(text).toContain('Risk of harm from others: High');
  expect(text).toContain('Recommend safety planning work');
  expect(text).toContain('Within 4 weeks');
  expect(text).not.toContain('Lily Secretname');
}

describe('the assessment report', () => {
  it.skipIf(!POPPLER)(
    'as PDF: every section, and on every page the marking, the reference and page N of M',
    async () => {
      addAllGroups();
      signOffAssessment(t.vault, a.id, current().version);
      const report = await exportReport(t.vault, { caseId, kind: 'assessment', format: 'pdf' });
      expect(report.fileName).toBe(`${reference} assessment 15-06-2025.pdf`);
      const pages = pdfPages(report.bytes);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page).toContain('OFFICIAL-SENSITIVE');
        expect(page).toContain(reference);
        expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`, 'i'));
      });
      const text = pages.join('\n').replace(/\s+/g, ' ');
      expectContent(text);
      expect(text).toContain('Signed off (version 1) by Ada Admin on 15/06/2025 11:00');
    },
  );

  it.skipIf(!UNZIP)('as Word: the same sections, and the marking and page numbers in header and footer', async () => {
    addAllGroups();
    const report = await exportReport(t.vault, { caseId, kind: 'assessment', format: 'docx' });
    const parts = docxParts(report.bytes);
    const body = xmlText(parts['word/document.xml'] ?? '').replace(/\s+/g, ' ');
    expectContent(body);
    expect(body).toContain('Not signed off yet: this is a draft.');
    const furniture = Object.entries(parts)
      .filter(([name]) => /word\/(header|footer)\d*\.xml/.test(name))
      .map(([, xml]) => xml)
      .join('\n');
    expect(xmlText(furniture)).toContain('OFFICIAL-SENSITIVE');
    expect(xmlText(furniture)).toContain(reference);
    expect(furniture).toMatch(/NUMPAGES/);
  });

  it('a case without an assessment says so', async () => {
    const other = assessmentCase(t.vault, null, 'Noassessment');
    await expect(exportReport(t.vault, { caseId: other.id, kind: 'assessment', format: 'pdf' })).rejects.toThrow(
      'This case has no assessment to report on yet.',
    );
  });
});

describe('signing the assessment report off', () => {
  it('is refused with the reasons until every recommendation group has one, then allowed and audited', () => {
    addRecommendation(t.vault, a.id, {
      group: 'treatment',
      text: 'Weekly sessions',
      owner: 'NCATS',
      timescale: '6 months',
    });
    expect(() => signOffAssessment(t.vault, a.id, current().version)).toThrow(
      'The assessment report cannot be signed off yet. Add at least one case management recommendation. Add at least one safety planning recommendation. Add at least one placement recommendation.',
    );
    expect(auditActions(t.vault, caseId)).not.toContain('report.sign');
    addAllGroups();
    const signed = signOffAssessment(t.vault, a.id, current().version);
    expect(signed).toMatchObject({ locked: true, canSignAgain: false, signedVersions: [{ signedVersion: 1 }] });
    expect(auditActions(t.vault, caseId)).toContain('report.sign');
    expect(() => signOffAssessment(t.vault, a.id, current().version)).toThrow('already signed off');
  });

  it('locks the content: edits are refused with a clear message, the pathway still moves on', () => {
    addAllGroups();
    signOffAssessment(t.vault, a.id, current().version);
    const locked =
      /This assessment report was signed off by Ada Admin on 15\/06\/2025 11:00, so it can no longer be changed\. Add an addendum to correct it\./;
    expect(() => updateAssessment(t.vault, a.id, current().version, { formulation: 'Changed' })).toThrow(locked);
    expect(() =>
      addRecommendation(t.vault, a.id, { group: 'placement', text: 'More', owner: 'LA', timescale: 'Now' }),
    ).toThrow(locked);
    const b = current().behaviours[0];
    if (!b) throw new Error('no behaviour');
    const { id: _i, assessmentId: _a, version, ...fields } = b;
    expect(() => updateBehaviour(t.vault, b.id, version, { ...fields, setting: 'Changed' })).toThrow(locked);
    expect(current().formulation).toContain('Part 1 of making sense');
    // Stages are the pathway, not the report's content: the psychometrics stage can still be done.
    const psychometrics = current().stages.find((s) => s.stage === 'psychometrics');
    if (!psychometrics) throw new Error('no stage');
    expect(() => completeStage(t.vault, psychometrics.id, psychometrics.version, '2025-05-20')).not.toThrow();
  });

  it.skipIf(!POPPLER)(
    'takes corrections as addenda, which the next render includes, and may then be signed again',
    async () => {
      expect(() => addAssessmentAddendum(t.vault, a.id, 'Too early.')).toThrow('has not been signed off yet');
      addAllGroups();
      signOffAssessment(t.vault, a.id, current().version);
      t.setNow('2025-06-16T09:00:00Z');
      const state = addAssessmentAddendum(t.vault, a.id, 'The family gathering was in March, not February.');
      expect(state.canSignAgain).toBe(true);
      expect(auditActions(t.vault, caseId)).toContain('report.addendum');
      const report = await exportReport(t.vault, { caseId, kind: 'assessment', format: 'pdf' });
      const text = pdfPages(report.bytes).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Addendum 1: Ada Admin, 16/06/2025 10:00');
      expect(text).toContain('The family gathering was in March, not February.');
      expect(signOffAssessment(t.vault, a.id, current().version).signedVersions).toHaveLength(2);
    },
  );
});
