/**
 * How stored procedures read: the contract's `ProcedureView` and the family view, built from a
 * row and the names joined to it. Tiers, ages and meanings are derived here on every read, by the
 * contract's pure DMM functions, so nothing derived is stored to drift out of date.
 */
import type {
  AttachmentView,
  FamilyView,
  FamilyViewRow,
  ModifierView,
  ProcedureView,
} from '../../../preload/contract/attachment';
import {
  ageInMonths,
  modifierText,
  parseClassification,
  procedureLabel,
  sensitivityBand,
} from '../../../preload/contract/dmm';
import { displayName } from '../../../preload/contract/young-person-name';
import type { AttachmentRow } from './attachment.records';
import type { CasePersonFacts, StoredProcedure } from './attachment.repo';
import { tierOf } from './attachment.rules';

/** A parent or carer no longer on the case (left out of a bundle, or removed). */
const NOT_ON_CASE = 'Person no longer on the case';

export function youngPersonName(j: StoredProcedure['joined']): string {
  return displayName(j.yp_given, j.yp_family, j.yp_initials ?? '') || 'The young person';
}

function figureLabel({ record: r, joined: j }: StoredProcedure): string | null {
  if (r.figureIsYoungPerson) return 'about the young person';
  const aboutOrWith = r.procedure === 'PI' ? 'about' : 'with';
  if (r.figurePersonId) {
    const name = j.figure_person_name ?? NOT_ON_CASE.toLowerCase();
    const rel = j.figure_person_relationship;
    return rel ? `${aboutOrWith} ${rel} (${name})` : `${aboutOrWith} ${name}`;
  }
  return r.figureName ? `${aboutOrWith} ${r.figureName}` : null;
}

function modifierViews(s: StoredProcedure): ModifierView[] {
  return s.record.modifiers.map((m) => ({
    code: m.code,
    about: m.about,
    forms: m.forms,
    otherForm: m.otherForm,
    target: m.target,
    text: modifierText(m),
  }));
}

export function procedureView(s: StoredProcedure): ProcedureView {
  const { record: r, joined: j } = s;
  const isYoungPerson = r.subjectKind === 'young_person';
  const parsed = r.classification ? parseClassification(r.classification) : null;
  return {
    id: r.id,
    caseId: r.caseId,
    procedure: r.procedure,
    procedureLabel: procedureLabel(r.procedure),
    subjectKind: r.subjectKind,
    subjectPersonId: r.subjectPersonId,
    subjectName: isYoungPerson ? youngPersonName(j) : (j.subject_name ?? NOT_ON_CASE),
    relationship: isYoungPerson ? 'Young person' : (j.subject_relationship ?? 'Parent or carer'),
    figurePersonId: r.figurePersonId,
    figureName: r.figureName,
    figureIsYoungPerson: r.figureIsYoungPerson,
    figureLabel: figureLabel(s),
    administeredOn: r.administeredOn,
    administeredBy: r.administeredBy,
    administeredByName: j.administered_by_name ?? '',
    ageMonths: ageInMonths(isYoungPerson ? j.yp_dob : j.subject_dob, r.administeredOn),
    recordingDocumentIds: r.recordingDocumentIds,
    transcriptStatus: r.transcriptStatus,
    coderName: r.coderName,
    coderReliable: r.coderReliable,
    blindCoded: r.blindCoded,
    secondCoding: r.secondCoderName
      ? { coderName: r.secondCoderName, agreement: r.secondCoderAgreement, resolution: r.secondCoderResolution }
      : null,
    classification: r.classification,
    classificationMeaning: parsed && typeof parsed !== 'string' ? parsed.meaning : null,
    modifiers: modifierViews(s),
    careIndex: r.careIndex
      ? {
          adult: r.careIndex.adult,
          child: r.careIndex.child,
          sensitivityBand: sensitivityBand(r.careIndex.adult.sensitive ?? 0).label,
        }
      : null,
    tier: tierOf(r.classification, r.careIndex),
    warnings: r.warnings.map((w) => ({
      key: w.key,
      message: w.message,
      acknowledgedByName: w.acknowledgedByName,
      acknowledgedAt: w.acknowledgedAt,
    })),
    notes: r.notes,
    version: r.version,
  };
}

export function attachmentView(row: AttachmentRow, procedures: readonly StoredProcedure[]): AttachmentView {
  return {
    id: row.id,
    caseId: row.case_id,
    formulation: row.formulation,
    strategySummary: row.strategy_summary,
    procedures: procedures.map(procedureView),
    version: row.version,
  };
}

function familyRow(v: ProcedureView): FamilyViewRow {
  return {
    procedureId: v.id,
    subjectKind: v.subjectKind,
    subjectName: v.subjectName,
    relationship: v.relationship,
    procedure: v.procedure,
    figureLabel: v.figureLabel,
    administeredOn: v.administeredOn,
    classification: v.classification ?? (v.careIndex ? `sensitivity: ${v.careIndex.sensitivityBand}` : null),
    modifiers: v.modifiers.map((m) => m.text),
    tier: v.tier,
    coderReliable: v.coderReliable,
  };
}

/**
 * The family view: the young person's column first, then one per parent or carer of the case
 * (by name, with or without procedures, so a gap shows), then anyone no longer on the case who
 * still has procedures. Each column's procedures are by date (the repo's order).
 */
export function familyView(
  caseId: string,
  youngPerson: string,
  carers: readonly CasePersonFacts[],
  procedures: readonly StoredProcedure[],
): FamilyView {
  const views = procedures.map(procedureView);
  const people: FamilyView['people'] = [
    {
      subjectKind: 'young_person',
      personId: null,
      name: youngPerson,
      relationship: 'Young person',
      rows: views.filter((v) => v.subjectKind === 'young_person').map(familyRow),
    },
    ...carers.map((c) => ({
      subjectKind: 'parent_carer' as const,
      personId: c.id,
      name: c.name,
      relationship: c.relationship ?? 'Parent or carer',
      rows: views.filter((v) => v.subjectPersonId === c.id).map(familyRow),
    })),
  ];
  const known = new Set(carers.map((c) => c.id));
  for (const v of views) {
    if (v.subjectKind !== 'parent_carer' || !v.subjectPersonId || known.has(v.subjectPersonId)) continue;
    known.add(v.subjectPersonId);
    people.push({
      subjectKind: 'parent_carer',
      personId: v.subjectPersonId,
      name: v.subjectName,
      relationship: v.relationship,
      rows: views.filter((x) => x.subjectPersonId === v.subjectPersonId).map(familyRow),
    });
  }
  return { caseId, people };
}
