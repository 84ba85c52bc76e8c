/**
 * The consultation report (kind `consultation`): one consultation of the case (the one asked
 * for, or the most recent), in the headed sections the network expects, with the addenda added since sign-off and every signed
 * version. Attendees flagged as third parties are left out, and nothing of any other case is
 * read (batch consultations, which name other cases, are not part of it).
 */
import {
  CONSULTATION_STATEMENT,
  type ConsultationView,
  type Suitability,
} from '../../../preload/contract/consultations';
import { displayName } from '../cases/caseload.service';
import { loadCaseDetail } from '../cases/cases.service';
import { AppError } from '../errors';
import { ukDate, ukWhen } from '../reports/format';
import type { Block, ReportContent } from '../reports/model';
import type { Db } from '../db/connection';
import { registerReportKind, type ReportContext, type ReportSubjectChoice } from '../reports/registry';
import { caseConsultations, findConsultation, networkPeople, type ConsultationRow } from './consultations.repo';
import { consultationView } from './consultations.service';

export const SUITABILITY_LABELS: Record<Suitability, string> = {
  assessment_now: 'Suitable for assessment now',
  intervention_now: 'Suitable for intervention now',
  later: 'Suitable later',
  not_suitable: 'Not suitable',
};

const POLICE = { yes: 'Yes', no: 'No', not_known: 'Not known' } as const;
const MODE = { in_person: 'In person', virtual: 'Virtual' } as const;

/** Free text as paragraphs: a blank line starts a new one. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((t) => ({ kind: 'paragraph', text: t }));
}

function section(title: string, body: Block[]): Block[] {
  return [{ kind: 'heading', level: 1, text: title }, ...body];
}

function signoffLine(c: ConsultationView): string {
  const last = c.signoff.signedVersions[c.signoff.signedVersions.length - 1];
  return last
    ? `Signed off (version ${last.signedVersion}) by ${last.signedByName} on ${ukWhen(last.signedAt)}`
    : 'Draft: not signed off';
}

export function buildConsultationReport(ctx: ReportContext): ReportContent {
  const detail = loadCaseDetail(ctx.db, ctx.caseId, ctx.today);
  const c = consultationView(ctx.db, chosenConsultation(ctx));
  const thirdParty = new Set(
    networkPeople(ctx.db, ctx.caseId)
      .filter((p) => p.thirdParty)
      .map((p) => p.id),
  );
  const attendees = c.attendees.filter((a) => !thirdParty.has(a.id));
  const yp = detail.youngPerson;
  const blocks: Block[] = [
    {
      kind: 'keyValues',
      items: [
        { key: 'Young person', value: displayName(yp.givenName, yp.familyName, yp.initials ?? '') || 'Not recorded' },
        { key: 'Date of birth', value: yp.dateOfBirth ? ukDate(yp.dateOfBirth) : 'Not recorded' },
        { key: 'Date of the meeting', value: ukDate(c.meetingDate) },
        { key: 'Meeting held', value: MODE[c.meetingMode] },
        { key: 'Police investigation active', value: POLICE[c.policeInvestigation] },
        { key: 'Status of this report', value: signoffLine(c) },
      ],
    },
    { kind: 'paragraph', style: 'note', text: CONSULTATION_STATEMENT },
    ...section('Reason for the consultation', paragraphs(c.reason)),
    ...section('Who attended', [
      {
        kind: 'table',
        caption: `The professionals' meeting on ${ukDate(c.meetingDate)} (${MODE[c.meetingMode].toLowerCase()}).`,
        columns: [
          { header: 'Name', weight: 35 },
          { header: 'Role', weight: 25 },
          { header: 'Agency', weight: 40 },
        ],
        rows: attendees.map((a) => ({ cells: [a.name, a.role ? roleWords(a.role) : '-', a.agency ?? '-'] })),
        empty: 'No attendees from the network were recorded.',
      },
      { kind: 'paragraph', text: `For the service: ${c.createdByName}.` },
    ]),
    ...section('Documents read', [
      {
        kind: 'table',
        caption: 'Documents of the case read for the consultation.',
        columns: [{ header: 'Document', weight: 100 }],
        rows: c.documents.map((d) => ({ cells: [d.title] })),
        empty: 'No documents were recorded as read.',
      },
    ]),
    ...section("The network's questions", paragraphs(c.networkQuestions)),
    ...section('Discussion', paragraphs(c.discussion)),
    ...section('Recommendations on case management', paragraphs(c.recommendations)),
    ...section('Suitability for assessment or intervention', [
      { kind: 'paragraph', text: SUITABILITY_LABELS[c.suitability] + '.' },
      ...(c.suitabilityReason ? paragraphs(c.suitabilityReason) : []),
    ]),
    ...section('What a consultation is not', [{ kind: 'paragraph', text: CONSULTATION_STATEMENT }]),
  ];
  if (c.signoff.addenda.length > 0) {
    blocks.push(
      ...section(
        'Addenda',
        c.signoff.addenda.flatMap((a, i): Block[] => [
          { kind: 'heading', level: 2, text: `Addendum ${i + 1}: ${a.writtenByName}, ${ukWhen(a.writtenAt)}` },
          ...paragraphs(a.text),
        ]),
      ),
    );
  }
  blocks.push(
    ...section('Authors and sign-off', [
      { kind: 'keyValues', items: [{ key: 'Written by', value: c.createdByName }] },
      {
        kind: 'table',
        caption: 'Every signed version of this report.',
        columns: [
          { header: 'Version', weight: 15 },
          { header: 'Signed off by', weight: 45 },
          { header: 'When', weight: 40 },
        ],
        rows: c.signoff.signedVersions.map((v) => ({
          cells: [String(v.signedVersion), v.signedByName, ukWhen(v.signedAt)],
        })),
        empty: 'Not signed off yet: this is a draft.',
      },
    ]),
  );
  return { caseReference: detail.reference, blocks };
}

/** The consultation the engine chose (one of this case's), or the newest when called directly. */
function chosenConsultation(ctx: ReportContext): ConsultationRow {
  const row = ctx.recordId ? findConsultation(ctx.db, ctx.recordId) : caseConsultations(ctx.db, ctx.caseId)[0];
  // The engine has checked the record is this case's; a direct caller gets the same refusal.
  if (!row || row.caseId !== ctx.caseId)
    throw new AppError('NOT_FOUND', 'This case has no such consultation to report on.');
  return row;
}

/** The case's consultations as the report's choices, newest meeting first. */
export function consultationChoices(db: Db, caseId: string): ReportSubjectChoice[] {
  return caseConsultations(db, caseId).map((c) => ({ id: c.id, label: `Consultation on ${ukDate(c.meetingDate)}` }));
}

function roleWords(role: string): string {
  const words: Record<string, string> = {
    social_worker: 'Social worker',
    police: 'Police',
    camhs: 'CAMHS',
    yot: 'Youth offending team',
    school: 'School',
    gp: 'GP',
    other: 'Other',
  };
  return words[role] ?? role;
}

registerReportKind({
  id: 'consultation',
  title: 'Professional consultation report',
  build: buildConsultationReport,
  subject: { noun: 'consultation', choices: consultationChoices },
});
