/**
 * The assessment report's attachment section, from a real encrypted vault, read back as a
 * person's tools read it (pdftotext, the .docx XML): each procedure with its person, figure,
 * date, classification and meaning, modifiers, tier in words, coder and reliability, second
 * coder and agreement, then the formulation and the strategy summary; a third-party figure's
 * name left out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { openAssessment } from '../../../../main/core/assessments/assessments.service';
import { addProcedure, openAttachment, updateAttachment } from '../../../../main/core/attachment/attachment.service';
import { NO_ATTACHMENT_ASSESSMENT } from '../../../../main/core/attachment/attachment.report';
import { addPerson } from '../../../../main/core/cases/people.service';
import { listPeople } from '../../../../main/core/cases/people.repo';
import { exportReport } from '../../../../main/core/reports/report-export';
import { procedureInputSchema, type ProcedureInput } from '../../../../preload/contract/attachment';
import { makeVault, type TestVault } from '../cases/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { assessmentCase } from '../assessments/fixtures';

let t: TestVault;
let caseId: string;

const save = (p: ProcedureInput, acknowledge = false) =>
  addProcedure(t.vault, caseId, procedureInputSchema.parse(p), acknowledge);

beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  caseId = assessmentCase(t.vault).id;
  openAssessment(t.vault, caseId);
  const people = listPeople(t.vault.db, caseId);
  const mother = people.find((p) => p.relationship === 'Mother');
  if (!mother) throw new Error('no mother');
  const lily = addPerson(t.vault, caseId, {
    kind: 'household_child',
    name: 'Lily Secretname',
    // Other children are third parties, so the report names her by relationship only.
    relationship: 'Cousin',
  });
  const by = t.vault.user.id;
  // Amelia (born 14/03/2010) was 11 on 01/06/2021.
  save({
    procedure: 'SAA',
    subjectKind: 'young_person',
    figurePersonId: mother.id,
    administeredOn: '2021-06-01',
    administeredBy: by,
    transcriptStatus: 'checked',
    coderName: 'Dr Rose Coder',
    coderReliable: true,
    blindCoded: true,
    secondCoding: { coderName: 'Dr Ian Second', agreement: 'disagreed', resolution: 'Agreed on A4 after discussion.' },
    classification: 'A4',
    modifiers: [{ code: 'Ul', about: 'her grandmother', forms: ['preoccupied'] }, { code: 'Dp' }],
  });
  save({
    procedure: 'DMM-AAI',
    subjectKind: 'parent_carer',
    subjectPersonId: mother.id,
    administeredOn: '2025-05-20',
    administeredBy: by,
    coderName: 'Dr Rose Coder',
    coderReliable: false,
    secondCoding: { coderName: 'Dr Ian Second', agreement: 'agreed' },
    classification: 'A4/C5',
    modifiers: [{ code: 'Utr', about: 'violence by her stepfather', forms: ['dismissed', 'blocked'] }],
  });
  save({
    procedure: 'PI',
    subjectKind: 'parent_carer',
    subjectPersonId: mother.id,
    figurePersonId: lily.id,
    administeredOn: '2025-05-21',
    administeredBy: by,
    classification: 'B3',
  });
  const opened = openAttachment(t.vault, caseId);
  updateAttachment(t.vault, caseId, opened.version, {
    formulation: 'Amelia’s compulsive compliance keeps adults close by pleasing them.',
    strategySummary: 'An A4 strategy with her mother: risk rises when she cannot predict adults.',
  });
});
afterEach(() => t.cleanup());

const EXPECTED = [
  'Attachment procedures of the young person and each parent or carer',
  'SAA (School-age Assessment of Attachment): Amelia Hughes',
  'Attachment figure',
  'Mother (Jo Hughes)',
  '01/06/2021',
  '11 years 2 months',
  'A4: compulsive compliance / performance',
  'Ul (her grandmother: preoccupied); Dp',
  'Elevated: a compulsive or obsessive strategy (A+ or C+)',
  'Dr Rose Coder (certified reliable; coded blind)',
  'Dr Ian Second: disagreed; resolved: Agreed on A4 after discussion.',
  'Transcribed and checked',
  'DMM-AAI (Adult Attachment Interview (DMM coding)): Jo Hughes',
  'A4/C5: compulsive compliance / performance, alternating with punitive',
  'Utr (violence by her stepfather: dismissed, blocked)',
  'High: a strategy at the far end of the model',
  'Dr Rose Coder (not certified reliable)',
  'Dr Ian Second: agreed',
  'Child spoken about',
  'Cousin (not included: third-party information)',
  'Functional formulation',
  'Amelia’s compulsive compliance keeps adults close by pleasing them.',
  'An A4 strategy with her mother: risk rises when she cannot predict adults.',
];

function expectSection(text: string): void {
  for (const e of EXPECTED) expect(text).toContain(e);
  expect(text).not.toContain('Lily Secretname');
  expect(text).not.toContain(NO_ATTACHMENT_ASSESSMENT);
}

describe('the assessment report’s attachment section', () => {
  it.skipIf(!POPPLER)('as PDF, from the attachment records', async () => {
    const report = await exportReport(t.vault, { caseId, kind: 'assessment', format: 'pdf' });
    expectSection(pdfPages(report.bytes).join('\n').replace(/\s+/g, ' '));
  });

  it.skipIf(!UNZIP)('as Word, the same', async () => {
    const report = await exportReport(t.vault, { caseId, kind: 'assessment', format: 'docx' });
    expectSection(xmlText(docxParts(report.bytes)['word/document.xml'] ?? '').replace(/\s+/g, ' '));
  });
});
