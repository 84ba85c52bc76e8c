/**
 * The assessment report (kind `assessment`): the case's assessment in the headed sections the
 * network expects, with the addenda added since sign-off and every signed version. A behaviour
 * flagged as third-party information is described without the harmed person's identity: the
 * export offers no choice of third-party content, so it is never included (as the consultation
 * report leaves third-party attendees out).
 */
import {
  RECOMMENDATION_GROUPS,
  RECOMMENDATION_GROUP_LABELS,
  type AssessmentView,
  type BehaviourView,
  type StageView,
} from '../../../preload/contract/assessment-records';
import { BROOK_COLOUR_LABELS, BROOK_VERSIONS, HACKETT_LABELS } from '../../../preload/contract/hsb-frameworks';
import type { SignoffView } from '../../../preload/contract/signoff';
import { displayName } from '../cases/caseload.service';
import { loadCaseDetail } from '../cases/cases.service';
import { AppError } from '../errors';
import { psychometricsBlocks } from '../psychometrics/psychometrics.report';
import { ukDate, ukWhen } from '../reports/format';
import type { Block, ReportContent } from '../reports/model';
import { registerReportKind, type ReportContext } from '../reports/registry';
import { signoffState } from '../reports/signoff/signoff';
import { ASSESSMENT_SUBJECT } from './assessment-lock';
import { loadAssessmentView } from './assessment-view';
import { findCurrentAssessment } from './assessments.repo';
import { attachmentReportBlocks } from '../attachment/attachment.report';
import { stageName } from './assessments.rules';

/** What stands in for the harmed person when a behaviour holds third-party information. */
export const HARMED_WITHHELD = 'Not included: third-party information';

const LEVEL = { low: 'Low', medium: 'Medium', moderate: 'Moderate', high: 'High' } as const;
const NOT_RECORDED = 'Not recorded';

/** Free text as paragraphs: a blank line starts a new one; nothing written says so. */
function paragraphs(text: string | null, empty = 'Not recorded.'): Block[] {
  const parts = (text ?? '')
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (parts.length === 0) return [{ kind: 'paragraph', style: 'note', text: empty }];
  return parts.map((t) => ({ kind: 'paragraph', text: t }));
}

function section(title: string, body: Block[]): Block[] {
  return [{ kind: 'heading', level: 1, text: title }, ...body];
}

function level(value: keyof typeof LEVEL | null): string {
  return value ? LEVEL[value] : NOT_RECORDED;
}

/** "Brook Traffic Light Tool (2020 revision), age band 14-18: Red", or that it was not rated. */
function brookWords(b: BehaviourView): string {
  if (!b.brookVersion || !b.brookBand || !b.brookColour) return 'Not rated';
  return `${BROOK_VERSIONS[b.brookVersion].label}, age band ${b.brookBand}: ${BROOK_COLOUR_LABELS[b.brookColour]}`;
}

function behaviourBlocks(a: AssessmentView): Block[] {
  if (a.behaviours.length === 0) {
    return [{ kind: 'paragraph', style: 'note', text: 'No behaviours were recorded.' }];
  }
  const sorted = [...a.behaviours].sort((x, y) => x.occurredOn.localeCompare(y.occurredOn));
  return sorted.flatMap((b, i): Block[] => [
    { kind: 'heading', level: 2, text: `Behaviour ${i + 1}: ${ukDate(b.occurredOn)}` },
    {
      kind: 'keyValues',
      items: [
        { key: 'Where', value: b.setting },
        { key: "Hackett's continuum", value: HACKETT_LABELS[b.hackett] },
        { key: 'Brook Traffic Light Tool', value: brookWords(b) },
        { key: 'Who was harmed', value: b.thirdParty ? HARMED_WITHHELD : (b.harmed ?? NOT_RECORDED) },
      ],
    },
    ...paragraphs(b.description),
  ]);
}

function stagesTable(stages: readonly StageView[]): Block {
  return {
    kind: 'table',
    caption: 'The stages of the assessment, planned and done.',
    columns: [
      { header: 'Stage', weight: 45 },
      { header: 'Planned', weight: 20 },
      { header: 'Done', weight: 20 },
      { header: 'Owner', weight: 25 },
    ],
    rows: stages.map((s) => ({
      cells: [
        stageName(s),
        s.plannedDate ? ukDate(s.plannedDate) : 'Not planned',
        s.actualDate ? ukDate(s.actualDate) : 'Not yet',
        s.ownerName ?? '-',
      ],
    })),
    empty: 'No stages were recorded.',
  };
}

function sourcesTable(stages: readonly StageView[]): Block {
  const seen = stages.filter(
    (s) => s.actualDate && (s.stage === 'clinical_interviews' || s.stage === 'professionals_meeting'),
  );
  return {
    kind: 'table',
    caption: 'Sources of information: the interviews and meetings held for the assessment.',
    columns: [
      { header: 'Source', weight: 70 },
      { header: 'When', weight: 30 },
    ],
    rows: seen.map((s) => ({ cells: [stageName(s), ukDate(s.actualDate ?? '')] })),
    empty: 'No interviews or meetings have been held yet.',
  };
}

function risksBlocks(a: AssessmentView): Block[] {
  const risk = (title: string, value: AssessmentView['riskToOthers'], why: string | null): Block[] => [
    { kind: 'heading', level: 2, text: `${title}: ${level(value)}` },
    ...paragraphs(why, 'No rationale recorded.'),
  ];
  const need = (title: string, text: string | null): Block[] => [
    { kind: 'heading', level: 2, text: title },
    ...paragraphs(text),
  ];
  return [
    ...risk('Risk of harm to others', a.riskToOthers, a.riskToOthersRationale),
    ...risk('Risk of harm to self', a.riskToSelf, a.riskToSelfRationale),
    ...risk('Risk of harm from others', a.riskFromOthers, a.riskFromOthersRationale),
    {
      kind: 'keyValues',
      items: [
        { key: 'AIM3 level of concern', value: level(a.aim3Concern) },
        { key: 'AIM3 level of supervision', value: level(a.aim3Supervision) },
        { key: 'ERASOR 2.0 overall rating', value: level(a.erasorOverall) },
        { key: 'J-SOAP-II', value: a.jsoapPercent === null ? NOT_RECORDED : `${a.jsoapPercent}% of the maximum score` },
      ],
    },
    ...need('Protective factors', a.protectiveFactors),
    ...need('Developmental needs', a.needDevelopmental),
    ...need('Family needs', a.needFamily),
    ...need('Education needs', a.needEducation),
    ...need('Emotional needs', a.needEmotional),
    ...need('Relationship needs', a.needRelationships),
  ];
}

function recommendationBlocks(a: AssessmentView): Block[] {
  return RECOMMENDATION_GROUPS.flatMap((group): Block[] => [
    { kind: 'heading', level: 2, text: RECOMMENDATION_GROUP_LABELS[group] },
    {
      kind: 'table',
      caption: `${RECOMMENDATION_GROUP_LABELS[group]} recommendations.`,
      columns: [
        { header: 'Recommendation', weight: 60 },
        { header: 'Owner', weight: 20 },
        { header: 'Timescale', weight: 20 },
      ],
      rows: a.recommendations.filter((r) => r.group === group).map((r) => ({ cells: [r.text, r.owner, r.timescale] })),
      empty: 'No recommendation in this group yet.',
    },
  ]);
}

function statusLine(s: SignoffView): string {
  const last = s.signedVersions[s.signedVersions.length - 1];
  return last
    ? `Signed off (version ${last.signedVersion}) by ${last.signedByName} on ${ukWhen(last.signedAt)}`
    : 'Draft: not signed off';
}

function signoffBlocks(a: AssessmentView, s: SignoffView): Block[] {
  const addenda: Block[] =
    s.addenda.length === 0
      ? []
      : section(
          'Addenda',
          s.addenda.flatMap((n, i): Block[] => [
            { kind: 'heading', level: 2, text: `Addendum ${i + 1}: ${n.writtenByName}, ${ukWhen(n.writtenAt)}` },
            ...paragraphs(n.text),
          ]),
        );
  return [
    ...addenda,
    ...section('Authors and sign-off', [
      { kind: 'keyValues', items: [{ key: 'Assessment opened by', value: a.openedByName ?? NOT_RECORDED }] },
      {
        kind: 'table',
        caption: 'Every signed version of this report.',
        columns: [
          { header: 'Version', weight: 15 },
          { header: 'Signed off by', weight: 45 },
          { header: 'When', weight: 40 },
        ],
        rows: s.signedVersions.map((v) => ({ cells: [String(v.signedVersion), v.signedByName, ukWhen(v.signedAt)] })),
        empty: 'Not signed off yet: this is a draft.',
      },
    ]),
  ];
}

export function buildAssessmentReport(ctx: ReportContext): ReportContent {
  const detail = loadCaseDetail(ctx.db, ctx.caseId, ctx.today);
  const row = findCurrentAssessment(ctx.db, ctx.caseId);
  if (!row) throw new AppError('NOT_FOUND', 'This case has no assessment to report on yet.');
  const a = loadAssessmentView(ctx.db, row, ctx.today);
  const signoff = signoffState(ctx.db, ASSESSMENT_SUBJECT, a.id);
  const yp = detail.youngPerson;
  const blocks: Block[] = [
    {
      kind: 'keyValues',
      items: [
        { key: 'Young person', value: displayName(yp.givenName, yp.familyName, yp.initials ?? '') || NOT_RECORDED },
        { key: 'Date of birth', value: yp.dateOfBirth ? ukDate(yp.dateOfBirth) : NOT_RECORDED },
        { key: 'Paperwork complete', value: a.paperworkCompleteDate ? ukDate(a.paperworkCompleteDate) : 'Not yet' },
        { key: 'Due by', value: a.dueDate ? ukDate(a.dueDate) : 'Not yet set' },
        { key: 'Report sent', value: a.reportSentDate ? ukDate(a.reportSentDate) : 'Not yet' },
        { key: 'Status of this report', value: statusLine(signoff) },
      ],
    },
    ...section('Reason for referral and sources', [
      {
        kind: 'keyValues',
        items: [
          { key: 'Referred on', value: ukDate(detail.referralDate) },
          { key: 'Referred by', value: detail.referralSource ?? NOT_RECORDED },
        ],
      },
      ...paragraphs(detail.referralReason, 'No reason for the referral was recorded.'),
      sourcesTable(a.stages),
    ]),
    ...section('The harmful sexual behaviour', behaviourBlocks(a)),
    ...section('The assessment process', [stagesTable(a.stages), ...psychometricsBlocks(ctx.db, ctx.caseId)]),
    ...section('Understanding the behaviour', paragraphs(a.formulation, 'The formulation has not been written yet.')),
    ...section('Risks and needs', risksBlocks(a)),
    ...section('Attachment', attachmentReportBlocks(ctx.db, ctx.caseId)),
    ...section('Recommendations', recommendationBlocks(a)),
    ...signoffBlocks(a, signoff),
  ];
  return { caseReference: detail.reference, blocks };
}

registerReportKind({ id: 'assessment', title: 'Assessment report', build: buildAssessmentReport });
