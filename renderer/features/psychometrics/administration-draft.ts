/**
 * What the record and correction forms hold while a questionnaire is being typed (text as typed,
 * UK dates), how it is checked before it is sent, and how it becomes the contract's fields. The
 * core checks the same again; this gives the user the reason beside the field first.
 */
import type { AdministrationView, RespondentType, ScaleDefinition } from '../../../preload/contract';
import { formatScore } from '../../../preload/contract/psychometric-bands';
import { checkUkDate, isoToUk, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { parseScore, previewBand } from './band-text';

export interface AdministrationDraft {
  date: string;
  personId: string;
  teacher: string;
  by: string;
  scores: Record<string, string>;
  notes: string;
}

export interface DraftErrors {
  date: string | null;
  respondent: string | null;
  scores: Record<string, string | null>;
}

export const NO_DRAFT_ERRORS: DraftErrors = { date: null, respondent: null, scores: {} };

export function emptyDraft(by: string): AdministrationDraft {
  return { date: todayUk(), personId: '', teacher: '', by, scores: {}, notes: '' };
}

/** The correction form starts from what was recorded. */
export function draftFrom(a: AdministrationView): AdministrationDraft {
  const scores: Record<string, string> = {};
  for (const s of a.scores) scores[s.scaleKey] = s.score === null ? '' : formatScore(s.score);
  return {
    date: isoToUk(a.administeredOn),
    personId: a.respondentPersonId ?? '',
    teacher: a.respondentType === 'teacher' ? (a.respondentName ?? '') : '',
    by: a.administeredBy,
    scores,
    notes: a.notes ?? '',
  };
}

/** Each field's problem, in the words the core would use. */
export function draftErrors(
  scales: readonly ScaleDefinition[],
  respondent: RespondentType,
  draft: AdministrationDraft,
): DraftErrors {
  const found: DraftErrors = {
    date: checkUkDate(draft.date, 'date it was administered', true),
    respondent:
      respondent === 'carer' && !draft.personId
        ? 'Choose which parent or carer answered.'
        : respondent === 'teacher' && !draft.teacher.trim()
          ? 'Enter the name of the teacher who answered.'
          : null,
    scores: {},
  };
  for (const scale of scales) found.scores[scale.key] = previewBand(scale, draft.scores[scale.key] ?? '').problem;
  const anyScore = scales.some((s) => (draft.scores[s.key] ?? '').trim() !== '');
  if (!anyScore && scales[0]) found.scores[scales[0].key] = 'Enter at least one score.';
  return found;
}

export function hasDraftErrors(e: DraftErrors): boolean {
  return Boolean(e.date || e.respondent || Object.values(e.scores).some(Boolean));
}

/** The fields both `psychometrics:record` and `psychometrics:update` take. Call once checked. */
export function draftFields(
  scales: readonly ScaleDefinition[],
  respondent: RespondentType,
  draft: AdministrationDraft,
) {
  return {
    administeredOn: parseUkDate(draft.date) as string,
    respondentPersonId: respondent === 'carer' ? draft.personId : null,
    respondentName: respondent === 'teacher' ? draft.teacher.trim() : null,
    administeredBy: draft.by,
    scores: scales.map((s) => ({ scaleKey: s.key, score: parseScore(draft.scores[s.key] ?? '') })),
    notes: draft.notes.trim() || null,
  };
}

/** A field's error goes once the user changes that field (the next save checks it again). */
export function withoutErrorsFor(
  errors: DraftErrors,
  before: AdministrationDraft,
  change: Partial<AdministrationDraft>,
): DraftErrors {
  const next: DraftErrors = { ...errors, scores: { ...errors.scores } };
  if (change.date !== undefined) next.date = null;
  if (change.personId !== undefined || change.teacher !== undefined) next.respondent = null;
  for (const [key, text] of Object.entries(change.scores ?? {})) {
    if (text !== (before.scores[key] ?? '')) next.scores[key] = null;
  }
  return next;
}
