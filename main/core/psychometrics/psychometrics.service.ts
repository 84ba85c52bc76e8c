/**
 * Psychometrics rules: editing the catalogue (administrators) and recording administrations.
 *
 * Every write is one immediate transaction with its audit row inside it (as `updateCaseFields`).
 * Audit details name records and fields, never scores: the audit log holds no clinical content.
 * An administration copies the instrument's scales and bands when it is recorded, so a later
 * catalogue edit leaves its bands as they were.
 */
import { randomUUID } from 'node:crypto';
import type { AdministrationView, InstrumentView, RespondentType } from '../../../preload/contract/psychometrics';
import { auditedRead, requireCase } from '../cases/cases.service';
import { isCaseWorker } from '../cases/cases.repo';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  findAdministration,
  findCasePerson,
  findCurrentDuplicate,
  findInstrument,
  insertAdministration,
  insertInstrument,
  listAdministrations,
  listInstruments,
  updateInstrument as updateInstrumentRow,
  type StoredAdministration,
  type StoredInstrument,
} from './psychometrics.repo';
import { checkScores, headline, scoreScales } from './scoring';
import type { ScaleDefinition } from '../../../preload/contract/psychometric-bands';

/** A catalogue entry as the router has parsed it. */
export interface InstrumentFields {
  name: string;
  respondent: RespondentType;
  version: string;
  scales: ScaleDefinition[];
}

export interface AdministrationFields {
  administeredOn: string;
  instrumentId: string;
  respondentPersonId: string | null;
  respondentName: string | null;
  administeredBy: string;
  scores: { scaleKey: string; score: number | null }[];
  notes: string | null;
}

function instrumentView(s: StoredInstrument): InstrumentView {
  return {
    id: s.id,
    name: s.name,
    respondent: s.respondent,
    version: s.versionLabel,
    scales: s.scales,
    retired: s.retired,
    updatedAt: s.updatedAt,
    updatedByName: s.updatedByName ?? 'the app (as installed)',
    recordVersion: s.version,
  };
}

function refuseDuplicate(vault: OpenVault, fields: InstrumentFields, exceptId: string | null): void {
  const entry = { name: fields.name, respondent: fields.respondent, versionLabel: fields.version };
  if (findCurrentDuplicate(vault.db, entry, exceptId)) {
    throw new AppError(
      'INVALID_INPUT',
      `The catalogue already has ${fields.name} for this respondent${fields.version ? ` (${fields.version})` : ''}. Edit that entry, or give this one a different version.`,
    );
  }
}

export function instruments(vault: OpenVault, includeRetired: boolean): InstrumentView[] {
  return listInstruments(vault.db, includeRetired).map(instrumentView);
}

export function createInstrument(vault: OpenVault, fields: InstrumentFields): InstrumentView {
  const { db } = vault;
  return db
    .transaction(() => {
      refuseDuplicate(vault, fields, null);
      const at = vault.now().toISOString();
      const id = randomUUID();
      insertInstrument(db, {
        id,
        name: fields.name,
        respondent: fields.respondent,
        versionLabel: fields.version,
        scales: fields.scales,
        retired: false,
        createdAt: at,
        updatedAt: at,
        updatedBy: vault.user.id,
        version: 1,
      });
      vault.audit({
        action: 'instrument.create',
        entityType: 'instrument',
        entityId: id,
        detail: { name: fields.name },
      });
      return instrumentView(findInstrument(db, id) as StoredInstrument);
    })
    .immediate();
}

/** Change or retire an entry. Past administrations keep their own copy of the bands. */
export function updateInstrument(
  vault: OpenVault,
  instrumentId: string,
  expectedVersion: number,
  fields: InstrumentFields,
  retired: boolean,
): InstrumentView {
  const { db } = vault;
  return db
    .transaction(() => {
      const current = findInstrument(db, instrumentId);
      if (!current) throw new AppError('NOT_FOUND', 'That instrument is no longer in the catalogue.');
      const stale = () =>
        new AppError('CONFLICT', 'Someone changed this instrument while you were editing it. Reload it and try again.');
      if (current.version !== expectedVersion) throw stale();
      if (!retired) refuseDuplicate(vault, fields, instrumentId);
      const updated = {
        ...current,
        name: fields.name,
        respondent: fields.respondent,
        versionLabel: fields.version,
        scales: fields.scales,
        retired,
        updatedAt: vault.now().toISOString(),
        updatedBy: vault.user.id,
      };
      if (!updateInstrumentRow(db, updated, expectedVersion)) throw stale();
      vault.audit({
        action: 'instrument.update',
        entityType: 'instrument',
        entityId: instrumentId,
        detail: { name: fields.name, retired },
      });
      return instrumentView(findInstrument(db, instrumentId) as StoredInstrument);
    })
    .immediate();
}

function respondentLabel(a: StoredAdministration): string {
  if (a.respondentType === 'young_person') return 'Young person';
  const who = a.respondentType === 'carer' ? 'carer' : 'teacher';
  return a.respondentName ? `${a.respondentName} (${who})` : who.charAt(0).toUpperCase() + who.slice(1);
}

export function administrationView(a: StoredAdministration): AdministrationView {
  return {
    id: a.id,
    caseId: a.caseId,
    administeredOn: a.administeredOn,
    instrumentId: a.instrumentId,
    instrumentName: a.instrumentName,
    instrumentVersion: a.instrumentVersion,
    respondentType: a.respondentType,
    respondentLabel: respondentLabel(a),
    respondentPersonId: a.respondentPersonId,
    respondentName: a.respondentName,
    administeredBy: a.administeredBy,
    administeredByName: a.administeredByName,
    scores: scoreScales(a.scales, a.scores),
    summary: a.summary,
    notes: a.notes,
    scales: a.scales,
    createdAt: a.createdAt,
    version: a.version,
  };
}

/** The case's administrations, newest first; audited as a read of the case. */
export function caseAdministrations(vault: OpenVault, caseId: string): AdministrationView[] {
  return auditedRead(vault, caseId, 'psychometrics', () =>
    listAdministrations(vault.db, caseId).map(administrationView),
  );
}

/** Who answered, checked against the instrument's respondent: the person's or teacher's name. */
export function respondentFor(
  vault: OpenVault,
  caseId: string,
  respondent: RespondentType,
  fields: Pick<AdministrationFields, 'respondentPersonId' | 'respondentName'>,
): { personId: string | null; name: string | null } {
  if (respondent === 'young_person') return { personId: null, name: null };
  if (respondent === 'carer') {
    if (!fields.respondentPersonId) {
      throw new AppError(
        'INVALID_INPUT',
        'Choose which parent or carer answered. Add them on the People tab first if they are not listed.',
      );
    }
    const person = findCasePerson(vault.db, caseId, fields.respondentPersonId);
    if (!person || person.kind !== 'parent_carer') {
      throw new AppError('INVALID_INPUT', 'The respondent must be a parent or carer from this case’s people.');
    }
    return { personId: fields.respondentPersonId, name: person.name };
  }
  const name = fields.respondentName?.trim();
  if (!name) throw new AppError('INVALID_INPUT', 'Enter the name of the teacher who answered.');
  return { personId: null, name };
}

/** Refuse an "administered by" who is not an active clinician or administrator. */
export function requireAdministrator(vault: OpenVault, userId: string): void {
  if (!isCaseWorker(vault.db, userId)) {
    throw new AppError('INVALID_INPUT', 'Who administered it must be an active clinician or administrator.');
  }
}

/** Record an administration with its scores; each score's band is derived and kept. */
export function recordAdministration(
  vault: OpenVault,
  caseId: string,
  fields: AdministrationFields,
): AdministrationView {
  const { db } = vault;
  return db
    .transaction(() => {
      requireCase(db, caseId);
      const instrument = findInstrument(db, fields.instrumentId);
      if (!instrument) throw new AppError('NOT_FOUND', 'That instrument is no longer in the catalogue.');
      if (instrument.retired) {
        throw new AppError(
          'INVALID_INPUT',
          `${instrument.name} has been retired from the catalogue, so it cannot be recorded.`,
        );
      }
      requireAdministrator(vault, fields.administeredBy);
      const who = respondentFor(vault, caseId, instrument.respondent, fields);
      const scores = checkScores(instrument.scales, fields.scores);
      const at = vault.now().toISOString();
      const id = randomUUID();
      insertAdministration(db, {
        id,
        caseId,
        administeredOn: fields.administeredOn,
        instrumentId: instrument.id,
        instrumentName: instrument.name,
        instrumentVersion: instrument.versionLabel,
        respondentType: instrument.respondent,
        respondentPersonId: who.personId,
        respondentName: who.name,
        administeredBy: fields.administeredBy,
        scales: instrument.scales,
        scores,
        summary: headline(scoreScales(instrument.scales, scores)),
        notes: fields.notes,
        createdAt: at,
        updatedAt: at,
        updatedBy: vault.user.id,
        version: 1,
      });
      vault.audit({
        action: 'psychometrics.record',
        entityType: 'psychometric_administration',
        entityId: id,
        caseId,
        detail: { instrumentId: instrument.id, scored: scores.filter((s) => s.score !== null).length },
      });
      return administrationView(findAdministration(db, id) as StoredAdministration);
    })
    .immediate();
}
