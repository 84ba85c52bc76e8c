/**
 * The procedure form's working copy: what the coder has typed, as text, and how it becomes the
 * contract's `ProcedureInput`. Every rule about the DMM is the contract's own (`dmm.ts`), so the
 * form says the same words the router would refuse with; this file only turns typed text into
 * values and says which field a problem belongs to.
 */
import {
  DMM_MODIFIERS,
  DMM_PROCEDURES,
  careIndexProblem,
  careIndexScaleKeys,
  modifiersProblem,
  type DmmModifierCode,
  type DmmProcedureCode,
  type NonResolutionForm,
} from '../../../preload/contract/dmm';
import type {
  CoderAgreement,
  ProcedureInput,
  ProcedureView,
  TranscriptStatus,
} from '../../../preload/contract/attachment';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';
import { classificationPreview, scaleValue } from './live-reading';

/** A yes / no question that may not have been answered yet. */
export type YesNo = '' | 'yes' | 'no';

/** The young person, as the subject or figure choice (a person of the case is `person:<id>`). */
export const YOUNG_PERSON = 'young_person';
/** Someone who is not on the case, named in a text field. */
export const SOMEONE_ELSE = 'other';

export interface ModifierDraft {
  /** Keeps React's list stable while entries are added and removed (not saved). */
  key: number;
  code: DmmModifierCode;
  about: string;
  forms: NonResolutionForm[];
  otherForm: string;
  target: string;
}

export interface ProcedureDraft {
  procedure: DmmProcedureCode | '';
  /** `young_person`, or `person:<id>` of a parent or carer. */
  subject: string;
  /** '', `young_person` (the Parents Interview's child), `person:<id>`, or `other` (named below). */
  figure: string;
  figureName: string;
  administeredOn: string;
  administeredBy: string;
  recordingDocumentIds: string[];
  transcriptStatus: TranscriptStatus;
  coderName: string;
  coderReliable: YesNo;
  blindCoded: YesNo;
  secondCoded: boolean;
  secondCoderName: string;
  agreement: '' | CoderAgreement;
  resolution: string;
  classification: string;
  modifiers: ModifierDraft[];
  careAdult: Record<string, string>;
  careChild: Record<string, string>;
  notes: string;
}

export const personChoice = (id: string): string => `person:${id}`;
const personOf = (choice: string): string | null => (choice.startsWith('person:') ? choice.slice(7) : null);
const yesNo = (b: boolean | null): YesNo => (b === null ? '' : b ? 'yes' : 'no');
const fromYesNo = (v: YesNo): boolean | null => (v === '' ? null : v === 'yes');
const textOrNull = (s: string): string | null => s.trim() || null;

export function emptyDraft(administeredBy: string, today: string): ProcedureDraft {
  return {
    procedure: '',
    subject: YOUNG_PERSON,
    figure: '',
    figureName: '',
    administeredOn: today,
    administeredBy,
    recordingDocumentIds: [],
    transcriptStatus: 'not_needed',
    coderName: '',
    coderReliable: '',
    blindCoded: '',
    secondCoded: false,
    secondCoderName: '',
    agreement: '',
    resolution: '',
    classification: '',
    modifiers: [],
    careAdult: {},
    careChild: {},
    notes: '',
  };
}

const asText = (sheet: Record<string, number> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(sheet ?? {}).map(([k, v]) => [k, String(v)]));

/** The form filled from a saved procedure, to change it. */
export function draftOf(p: ProcedureView): ProcedureDraft {
  const figure = p.figureIsYoungPerson
    ? YOUNG_PERSON
    : p.figurePersonId
      ? personChoice(p.figurePersonId)
      : p.figureName
        ? SOMEONE_ELSE
        : '';
  return {
    procedure: p.procedure,
    subject: p.subjectKind === 'young_person' || !p.subjectPersonId ? YOUNG_PERSON : personChoice(p.subjectPersonId),
    figure,
    figureName: figure === SOMEONE_ELSE ? (p.figureName ?? '') : '',
    administeredOn: isoToUk(p.administeredOn),
    administeredBy: p.administeredBy,
    recordingDocumentIds: [...p.recordingDocumentIds],
    transcriptStatus: p.transcriptStatus,
    coderName: p.coderName ?? '',
    coderReliable: yesNo(p.coderReliable),
    blindCoded: yesNo(p.blindCoded),
    secondCoded: p.secondCoding !== null,
    secondCoderName: p.secondCoding?.coderName ?? '',
    agreement: p.secondCoding?.agreement ?? '',
    resolution: p.secondCoding?.resolution ?? '',
    classification: p.classification ?? '',
    modifiers: p.modifiers.map((m, i) => ({
      key: i + 1,
      code: m.code,
      about: m.about ?? '',
      forms: [...m.forms],
      otherForm: m.otherForm ?? '',
      target: m.target ?? '',
    })),
    careAdult: asText(p.careIndex?.adult),
    careChild: asText(p.careIndex?.child),
    notes: p.notes ?? '',
  };
}

/** A new, empty modifier entry with a key no other entry of `existing` has. */
export function newModifier(code: DmmModifierCode, existing: readonly ModifierDraft[]): ModifierDraft {
  const key = existing.reduce((max, m) => Math.max(max, m.key), 0) + 1;
  return { key, code, about: '', forms: [], otherForm: '', target: '' };
}

/** The modifier as the contract takes it: a per-event modifier keeps its event, R its target. */
function modifierInput(m: ModifierDraft) {
  const def = DMM_MODIFIERS[m.code];
  return {
    code: m.code,
    about: def.perEvent ? textOrNull(m.about) : null,
    forms: def.perEvent ? m.forms : [],
    otherForm: def.perEvent && m.forms.includes('other') ? textOrNull(m.otherForm) : null,
    target: def.needsTarget ? textOrNull(m.target) : null,
  };
}

/** The form's errors, by field (`modifier-<key>` for one modifier entry). */
export type DraftErrors = Partial<Record<string, string>>;

function figureErrors(d: ProcedureDraft, proc: DmmProcedureCode, errors: DraftErrors): void {
  const rule = DMM_PROCEDURES[proc].figure;
  if (rule === 'none') return;
  if (d.figure === '') {
    errors.figure =
      rule === 'named-child' ? 'Choose the child the parent spoke about.' : 'Choose the attachment figure.';
  } else if (d.figure === SOMEONE_ELSE && !d.figureName.trim()) {
    errors.figureName = rule === 'named-child' ? 'Enter the name of the child.' : 'Enter the name of the figure.';
  }
}

function careIndexOf(d: ProcedureDraft, proc: DmmProcedureCode, errors: DraftErrors) {
  const keys = careIndexScaleKeys(proc);
  const all = [...keys.adult.map((k) => d.careAdult[k] ?? ''), ...keys.child.map((k) => d.careChild[k] ?? '')];
  if (all.every((t) => t.trim() === '')) return null;
  const sheets: { adult: Record<string, number>; child: Record<string, number> } = { adult: {}, child: {} };
  for (const who of ['adult', 'child'] as const) {
    const typed = who === 'adult' ? d.careAdult : d.careChild;
    for (const k of keys[who]) {
      const v = scaleValue(typed[k] ?? '');
      if (typeof v === 'string') errors[`care-${who}-${k}`] = v;
      else if (v === null) errors[`care-${who}-${k}`] = 'Score this scale (0 to 14).';
      else sheets[who][k] = v;
    }
  }
  if (Object.keys(errors).some((k) => k.startsWith('care-'))) return null;
  const problem = careIndexProblem(proc, sheets.adult, sheets.child);
  if (problem) errors[problem.includes("adult's") ? 'care-adult' : 'care-child'] = problem;
  return sheets;
}

function modifierErrors(d: ProcedureDraft, proc: DmmProcedureCode, errors: DraftErrors): void {
  for (const m of d.modifiers) {
    const problem = modifiersProblem(proc, [modifierInput(m)]);
    if (problem) errors[`modifier-${m.key}`] = problem;
  }
  const together = modifiersProblem(proc, d.modifiers.map(modifierInput));
  if (together && !Object.keys(errors).some((k) => k.startsWith('modifier-'))) errors.modifiers = together;
}

/**
 * The contract's input from the form, or the errors by field. The rules of the DMM are the
 * contract's (`parseClassification`, `modifiersProblem`, `careIndexProblem`); what is checked
 * here besides is only what the form types as text (dates, scale numbers, choices).
 */
export function toProcedureInput(d: ProcedureDraft): { input: ProcedureInput } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (d.procedure === '') errors.procedure = 'Choose the procedure.';
  const dateProblem = checkUkDate(d.administeredOn, 'date it was administered', true);
  if (dateProblem) errors.administeredOn = dateProblem;
  if (!d.administeredBy) errors.administeredBy = 'Choose who administered it.';
  if (d.secondCoded) {
    if (!d.secondCoderName.trim()) errors.secondCoderName = 'Name the second coder.';
    if (d.agreement === 'disagreed' && !d.resolution.trim())
      errors.resolution = 'Say how the coders’ disagreement was resolved.';
  }
  if (d.procedure === '') return { errors };
  const proc = DMM_PROCEDURES[d.procedure];
  figureErrors(d, d.procedure, errors);
  let classification: string | null = null;
  let careIndex: ReturnType<typeof careIndexOf> = null;
  if (proc.output === 'classification') {
    const parsed = classificationPreview(d.classification);
    if (typeof parsed === 'string') errors.classification = parsed;
    else classification = parsed?.text ?? null;
    modifierErrors(d, d.procedure, errors);
  } else {
    careIndex = careIndexOf(d, d.procedure, errors);
  }
  if (Object.keys(errors).length > 0) return { errors };

  const subjectPersonId = personOf(d.subject);
  const figurePersonId = proc.figure === 'none' ? null : personOf(d.figure);
  return {
    input: {
      procedure: d.procedure,
      subjectKind: subjectPersonId ? 'parent_carer' : 'young_person',
      subjectPersonId,
      figurePersonId,
      figureName: proc.figure !== 'none' && d.figure === SOMEONE_ELSE ? textOrNull(d.figureName) : null,
      figureIsYoungPerson: proc.figure === 'named-child' && d.figure === YOUNG_PERSON,
      administeredOn: parseUkDate(d.administeredOn) as string,
      administeredBy: d.administeredBy,
      recordingDocumentIds: d.recordingDocumentIds,
      transcriptStatus: d.transcriptStatus,
      coderName: textOrNull(d.coderName),
      coderReliable: fromYesNo(d.coderReliable),
      blindCoded: fromYesNo(d.blindCoded),
      secondCoding: d.secondCoded
        ? {
            coderName: d.secondCoderName.trim(),
            agreement: d.agreement === '' ? null : d.agreement,
            resolution: d.agreement === 'disagreed' ? textOrNull(d.resolution) : null,
          }
        : null,
      classification,
      modifiers: proc.output === 'classification' ? d.modifiers.map(modifierInput) : [],
      careIndex,
      notes: textOrNull(d.notes),
    },
  };
}
