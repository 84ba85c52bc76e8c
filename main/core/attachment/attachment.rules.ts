/**
 * The checks a procedure must pass against the case before it is saved: who it is of, who it is
 * with, its recordings, its CARE-Index sheet, and the warnings a coder must acknowledge. Every
 * DMM fact comes from the contract's `dmm.ts` (the same pure functions the form calls), so the
 * core holds no DMM literal and the form's warning and the core's are the same words.
 */
import type { ProcedureParsed } from '../../../preload/contract/attachment';
import {
  DMM_PROCEDURES,
  ageInMonths,
  dmmWarnings,
  parseClassification,
  sensitivityBand,
  type DmmTierOrFlag,
  type DmmWarning,
  type ParsedClassification,
} from '../../../preload/contract/dmm';
import { isCaseWorker } from '../cases/cases.repo';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import type { StoredWarning } from './attachment.records';
import { currentCaseDocuments, findCasePerson } from './attachment.repo';
import { stmt } from '../db/statements';

const refuse = (message: string): never => {
  throw new AppError('INVALID_INPUT', message);
};

/** The person the procedure is of: their date of birth, for the age on the day. */
function subjectDateOfBirth(db: Db, caseId: string, p: ProcedureParsed): string | null {
  if (p.subjectKind === 'young_person') {
    const yp = stmt(db, 'SELECT date_of_birth FROM young_people WHERE case_id = ?').get(caseId) as
      { date_of_birth: string | null } | undefined;
    return yp?.date_of_birth ?? null;
  }
  const person = p.subjectPersonId ? findCasePerson(db, caseId, p.subjectPersonId) : null;
  if (!person || person.kind !== 'parent_carer') {
    return refuse(
      'A procedure is of the young person or of a parent or carer from this case’s people. Add them on the People tab first if they are not listed.',
    );
  }
  return person.dateOfBirth;
}

/** The figure (a child's procedure), the named child (Parents Interview) or nobody (the adult interviews). */
function checkFigure(db: Db, caseId: string, p: ProcedureParsed): void {
  const proc = DMM_PROCEDURES[p.procedure];
  const given = [p.figurePersonId !== null, p.figureName !== null, p.figureIsYoungPerson].filter(Boolean).length;
  if (proc.figure === 'none') {
    if (given > 0) {
      refuse(`The ${proc.label} classifies a state of mind, not one relationship: it names no attachment figure.`);
    }
    return;
  }
  if (proc.figure === 'named-child') {
    if (given !== 1 || p.figureName !== null) {
      refuse(
        'A Parents Interview is about one named child: choose the young person or a child from this case’s people.',
      );
    }
    if (p.figurePersonId) {
      const child = findCasePerson(db, caseId, p.figurePersonId);
      if (!child || (child.kind !== 'sibling' && child.kind !== 'household_child')) {
        refuse('The child a Parents Interview is about must be the young person or a child from this case’s people.');
      }
    }
    return;
  }
  if (p.figureIsYoungPerson) refuse(`Name the attachment figure of the ${proc.label}: a parent, carer or other adult.`);
  if (given !== 1) {
    refuse(
      `The ${proc.label} is with one attachment figure: choose them from this case’s people, or type their name if they are not on the case.`,
    );
  }
  if (p.figurePersonId) {
    const figure = findCasePerson(db, caseId, p.figurePersonId);
    if (!figure) refuse('The attachment figure must be one of this case’s people (or type their name instead).');
    if (p.figurePersonId === p.subjectPersonId) refuse('The attachment figure cannot be the person assessed.');
  }
}

function checkRecordings(db: Db, caseId: string, ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) refuse('The same recording is listed twice.');
  const current = currentCaseDocuments(db, caseId, ids);
  if (ids.some((id) => !current.has(id))) {
    refuse(
      'A recording must be a document of this case that has not been deleted. Upload it on the Documents tab first.',
    );
  }
}

/** What checking a procedure gives the service: its canonical classification, tier and warnings. */
export interface CheckedProcedure {
  classification: string | null;
  tier: DmmTierOrFlag | null;
  ageMonths: number | null;
  warnings: StoredWarning[];
}

/** The classification as its canonical text, parsed (the schema has refused a text that is not one). */
function parsed(p: ProcedureParsed): ParsedClassification | null {
  if (!p.classification || DMM_PROCEDURES[p.procedure].output !== 'classification') return null;
  const result = parseClassification(p.classification);
  return typeof result === 'string' ? refuse(result) : result;
}

/** The tier of a stored procedure: its classification's, or its CARE-Index sensitivity band's. */
export function tierOf(
  classification: string | null,
  careIndex: { adult: Record<string, number> } | null,
): DmmTierOrFlag | null {
  if (careIndex) {
    const sensitive = careIndex.adult.sensitive;
    return sensitive === undefined ? null : sensitivityBand(sensitive).tier;
  }
  if (!classification) return null;
  const result = parseClassification(classification);
  return typeof result === 'string' ? null : result.tier;
}

function warningList(warnings: readonly DmmWarning[]): string {
  return warnings.map((w) => w.message).join(' ');
}

/**
 * Check a procedure against its case. A refusal is INVALID_INPUT; warnings not acknowledged
 * before (same key and words) are CONFIRMATION_REQUIRED unless `acknowledge`, and are then kept
 * with who acknowledged them and when. Warnings that no longer hold are dropped. `previous` is
 * the stored procedure being changed (none for a new one).
 */
export function checkProcedure(
  vault: OpenVault,
  caseId: string,
  p: ProcedureParsed,
  acknowledge: boolean,
  previous: { warnings: readonly StoredWarning[]; administeredBy: string | null },
): CheckedProcedure {
  const { db } = vault;
  const proc = DMM_PROCEDURES[p.procedure];
  const dob = subjectDateOfBirth(db, caseId, p);
  checkFigure(db, caseId, p);
  checkRecordings(db, caseId, p.recordingDocumentIds);
  // A procedure received in a bundle keeps its sender as who administered it: only a changed
  // name must be one of this vault's active workers.
  if (p.administeredBy !== previous.administeredBy && !isCaseWorker(db, p.administeredBy)) {
    refuse('Who administered it must be an active clinician or administrator.');
  }
  if (proc.output === 'care-index' && p.coderName && !p.careIndex) {
    refuse(
      `Enter the ${proc.label} scores the coder gave (the adult’s and the child’s scales), or leave the coder blank until it is coded.`,
    );
  }
  const classification = parsed(p);
  const ageMonths = ageInMonths(dob, p.administeredOn);
  const found = dmmWarnings(p.procedure, ageMonths, classification);
  const seen = (w: DmmWarning) => previous.warnings.find((s) => s.key === w.key && s.message === w.message);
  const fresh = found.filter((w) => !seen(w));
  if (fresh.length > 0 && !acknowledge) {
    throw new AppError('CONFIRMATION_REQUIRED', `Check before saving: ${warningList(fresh)} Save anyway?`);
  }
  const at = vault.now().toISOString();
  const warnings = found.map(
    (w): StoredWarning =>
      seen(w) ?? {
        key: w.key,
        message: w.message,
        acknowledgedBy: vault.user.id,
        acknowledgedByName: vault.user.displayName,
        acknowledgedAt: at,
      },
  );
  return {
    classification: classification?.text ?? null,
    tier: tierOf(classification?.text ?? null, p.careIndex),
    ageMonths,
    warnings,
  };
}
