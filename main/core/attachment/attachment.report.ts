/**
 * The attachment section of the assessment report, filled from the attachment records: a table
 * reading the family's procedures at a glance, then each procedure in full (person, figure, date,
 * classification with its meaning, modifiers, tier in words, coder and reliability, second
 * coder and agreement, acknowledged warnings), then the functional formulation and the strategy
 * summary. Builds the report engine's blocks only; the report that includes it audits its own
 * read of the case. A figure who is a third-party person is named by relationship only.
 */
import type { ProcedureView } from '../../../preload/contract/attachment';
import { TRANSCRIPT_STATUS_LABELS } from '../../../preload/contract/attachment';
import {
  ADULT_SCALES,
  CHILD_SCALES,
  DMM_PROCEDURES,
  DMM_TIER_LABELS,
  ageText,
  type DmmTierOrFlag,
} from '../../../preload/contract/dmm';
import type { Db } from '../db/connection';
import type { Block, TableRow } from '../reports/model';
import { ukDate, ukWhen } from '../reports/format';
import { findAttachmentByCase, listProcedures, type StoredProcedure } from './attachment.repo';
import { procedureView } from './attachment-view';

/** What the section says when the case has no attachment assessment. */
export const NO_ATTACHMENT_ASSESSMENT = 'No attachment (DMM) assessment has been recorded for this case.';
const THIRD_PARTY_WITHHELD = 'Not included: third-party information';
const NOT_RECORDED = 'Not recorded';

/** The tier in words, never colour alone: "High: departs furthest from the normative strategies". */
const TIER_WORDS: Record<DmmTierOrFlag, string> = {
  normative: `${DMM_TIER_LABELS.normative}: within the normative range of strategies`,
  elevated: `${DMM_TIER_LABELS.elevated}: a compulsive or obsessive strategy (A+ or C+)`,
  high: `${DMM_TIER_LABELS.high}: a strategy at the far end of the model`,
  flag: `${DMM_TIER_LABELS.flag}: the strategy could not be placed`,
};

function paragraphs(text: string | null, empty: string): Block[] {
  const parts = (text ?? '')
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean);
  return parts.length === 0
    ? [{ kind: 'paragraph', text: empty, style: 'note' }]
    : parts.map((t) => ({ kind: 'paragraph', text: t }));
}

function yesNo(value: boolean | null, yes: string, no: string): string {
  return value === null ? `${NOT_RECORDED.toLowerCase()}` : value ? yes : no;
}

function figureText(s: StoredProcedure, v: ProcedureView): string {
  if (s.joined.figure_third_party === 1) {
    const rel = s.joined.figure_person_relationship;
    return rel ? `${rel} (${THIRD_PARTY_WITHHELD.toLowerCase()})` : THIRD_PARTY_WITHHELD;
  }
  if (!v.figureLabel) return 'None (the interview classifies a state of mind)';
  // The key already says "with" or "about": "Attachment figure: Mother (Jo Hughes)".
  return v.figureLabel.replace(/^(with|about) /, '');
}

function classificationText(v: ProcedureView): string {
  if (v.careIndex) {
    const variant = DMM_PROCEDURES[v.procedure].childScales ?? 'infant';
    const scales = (list: readonly { key: string; label: string }[], sheet: Record<string, number>) =>
      list.map((sc) => `${sc.label.toLowerCase()} ${sheet[sc.key] ?? '-'}`).join(', ');
    return `Adult: ${scales(ADULT_SCALES, v.careIndex.adult)}; child: ${scales(CHILD_SCALES[variant], v.careIndex.child)}. Sensitivity band: ${v.careIndex.sensitivityBand}`;
  }
  if (!v.classification) return 'Not coded yet';
  return v.classificationMeaning ? `${v.classification}: ${v.classificationMeaning}` : v.classification;
}

function coderText(v: ProcedureView): string {
  if (!v.coderName) return NOT_RECORDED;
  const reliable = yesNo(v.coderReliable, 'certified reliable', 'not certified reliable');
  const blind = v.blindCoded === null ? '' : v.blindCoded ? '; coded blind' : '; not coded blind';
  return `${v.coderName} (${v.coderReliable === null ? `reliability ${reliable}` : reliable}${blind})`;
}

function secondCoderText(v: ProcedureView): string {
  const s = v.secondCoding;
  if (!s) return 'None';
  if (s.agreement === 'agreed') return `${s.coderName}: agreed`;
  if (s.agreement === 'disagreed') return `${s.coderName}: disagreed; resolved: ${s.resolution ?? ''}`;
  return `${s.coderName}: agreement not recorded yet`;
}

function procedureBlocks(s: StoredProcedure): Block[] {
  const v = procedureView(s);
  const items = [
    { key: 'Person', value: `${v.subjectName} (${v.relationship.toLowerCase()})` },
    {
      key: DMM_PROCEDURES[v.procedure].figure === 'named-child' ? 'Child spoken about' : 'Attachment figure',
      value: figureText(s, v),
    },
    { key: 'Date administered', value: ukDate(v.administeredOn) },
    { key: 'Age on the day', value: v.ageMonths === null ? 'Not known (no date of birth)' : ageText(v.ageMonths) },
    { key: 'Administered by', value: v.administeredByName || NOT_RECORDED },
    { key: 'Transcript', value: TRANSCRIPT_STATUS_LABELS[v.transcriptStatus] },
    { key: v.careIndex ? 'CARE-Index scales' : 'Classification', value: classificationText(v) },
    { key: 'Modifiers', value: v.modifiers.length === 0 ? 'None' : v.modifiers.map((m) => m.text).join('; ') },
    { key: 'Risk tier', value: v.tier ? TIER_WORDS[v.tier] : 'Not coded yet' },
    { key: 'Coder', value: coderText(v) },
    { key: 'Second coder', value: secondCoderText(v) },
    ...v.warnings.map((w) => ({
      key: 'Warning acknowledged',
      value: `${w.message} (by ${w.acknowledgedByName} on ${ukWhen(w.acknowledgedAt)})`,
    })),
  ];
  return [
    { kind: 'heading', level: 2, text: `${v.procedureLabel}: ${v.subjectName}` },
    { kind: 'keyValues', items },
  ];
}

function glanceRow(v: ProcedureView): TableRow {
  return {
    cells: [
      `${v.subjectName} (${v.relationship.toLowerCase()})`,
      v.procedure,
      ukDate(v.administeredOn),
      v.classification ?? (v.careIndex ? `sensitivity ${v.careIndex.sensitivityBand}` : 'Not coded yet'),
      v.modifiers.length === 0 ? 'None' : v.modifiers.map((m) => m.code).join(', '),
      v.tier ? DMM_TIER_LABELS[v.tier] : 'Not coded',
    ],
  };
}

/** The assessment report's attachment section body (its level-1 heading is the report's). */
export function attachmentReportBlocks(db: Db, caseId: string): Block[] {
  const attachment = findAttachmentByCase(db, caseId);
  if (!attachment) return [{ kind: 'paragraph', text: NO_ATTACHMENT_ASSESSMENT }];
  const procedures = listProcedures(db, caseId);
  return [
    {
      kind: 'table',
      caption: 'Attachment procedures of the young person and each parent or carer',
      columns: [
        { header: 'Person', weight: 4 },
        { header: 'Procedure', weight: 2 },
        { header: 'Date', weight: 2 },
        { header: 'Classification', weight: 3 },
        { header: 'Modifiers', weight: 2 },
        { header: 'Risk tier', weight: 2 },
      ],
      rows: procedures.map((p) => glanceRow(procedureView(p))),
      empty: 'No attachment procedures were recorded.',
    },
    ...procedures.flatMap(procedureBlocks),
    { kind: 'heading', level: 2, text: 'Functional formulation' },
    ...paragraphs(attachment.formulation, 'The functional formulation has not been written yet.'),
    { kind: 'heading', level: 2, text: 'The self-protective strategy and what it means' },
    ...paragraphs(attachment.strategy_summary, 'The strategy summary has not been written yet.'),
  ];
}
