/**
 * Safe Home in the case bundle. A bundle of one case carries that family's Safe Home and never
 * another family's:
 *
 * - the family's own rows, by `case_id` (table modules from the record definitions): their
 *   enrolments, goals, register entries with the carers' notes, and safety-plan versions;
 * - the group's rows those reach (shared modules, `safe-home.bundle-shared.ts`): each run a carer
 *   of the case is enrolled in (title, dates, plan, facilitators, never its other carers), its
 *   planned sessions, the catch-ups this family took part in, and the group notes of only the
 *   sessions a carer of this family attended;
 * - what those rows point at that the receiving laptop may lack: the themes of the sessions, and
 *   the users who facilitated or wrote them (added as in `users-module.ts`).
 *
 * A catch-up lists the carers it is for; that list names other families' enrolments, so it stays
 * out of the session record and this family's places in catch-ups travel on their own
 * (`safe-home-catch-up-places`), added to the local list on import, never replacing it.
 */
import { z } from 'zod';
import { REGISTER_STATE_LABELS, type RegisterState } from '../../../preload/contract/safe-home-records';
import type { Db } from '../db/connection';
import { recordModule } from '../bundles/modules/record-module';
import { usersModule, type UserRecord } from '../bundles/modules/users-module';
import type { BundleModule, BundleRecord } from '../bundles/registry';
import { ukDate } from '../bundles/summary';
import { safeHomeThemesModule } from './safe-home.bundle-themes';
import { sharedModule } from './safe-home.bundle-shared';
import { ATTENDED_SESSIONS, CARRIED_SESSIONS, CASE_RUNS } from './safe-home.bundle-sql';
import {
  enrolmentRecord,
  goalRecord,
  groupNoteRecord,
  registerEntryRecord,
  runRecord,
  safetyPlanRecord,
  sessionRecord,
} from './safe-home.records';

export const safeHomeRunsModule = sharedModule({
  name: 'safe-home-runs',
  schemaVersion: 1,
  after: ['case', 'users', 'safe-home-users'],
  def: runRecord,
  key: 'id',
  carried: CASE_RUNS,
  order: 't.start_date, t.id',
  summarise: (rows) => [
    {
      heading: `Safe Home runs (${rows.length})`,
      lines: rows.map((r) => `${String(r.title)} from ${ukDate(String(r.start_date))}`),
    },
  ],
});

export const safeHomeSessionsModule = sharedModule({
  name: 'safe-home-sessions',
  schemaVersion: 1,
  after: ['safe-home-runs', 'safe-home-themes'],
  def: sessionRecord,
  key: 'id',
  leaveOut: ['for_enrolment_ids'],
  insertDefaults: { for_enrolment_ids: '[]' },
  carried: CARRIED_SESSIONS,
  // Planned sessions first: a catch-up points at the planned session it repeats.
  order: "t.kind = 'catch_up', t.seq, t.session_date, t.id",
});

export const safeHomeGroupNotesModule = sharedModule({
  name: 'safe-home-group-notes',
  schemaVersion: 1,
  after: ['safe-home-sessions'],
  def: groupNoteRecord,
  key: 'session_id',
  carried: ATTENDED_SESSIONS,
  order: 't.session_id',
});

export const safeHomeEnrolmentsModule = recordModule(enrolmentRecord, {
  name: 'safe-home-enrolments',
  schemaVersion: 1,
  after: ['safe-home-runs', 'people'],
  order: 't.enrolled_on, t.id',
  summarise: (rows) => [
    {
      heading: `Safe Home enrolments (${rows.length})`,
      lines: rows.map(
        (r) => `Enrolled ${ukDate(r.enrolled_on)}${r.withdrawn_on ? `, withdrew ${ukDate(r.withdrawn_on)}` : ''}`,
      ),
    },
  ],
});

export const safeHomeGoalsModule = recordModule(goalRecord, {
  name: 'safe-home-goals',
  schemaVersion: 1,
  after: ['safe-home-enrolments'],
  order: 't.enrolment_id, t.seq',
});

export const safeHomeRegisterModule = recordModule(registerEntryRecord, {
  name: 'safe-home-register',
  schemaVersion: 1,
  after: ['safe-home-enrolments', 'safe-home-sessions'],
  order: 't.session_id, t.enrolment_id',
  summarise: (rows) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
    return [
      {
        heading: `Safe Home register entries (${rows.length})`,
        lines: [...counts].map(([state, n]) => `${REGISTER_STATE_LABELS[state as RegisterState]}: ${n}`),
      },
    ];
  },
});

export const safeHomeSafetyPlansModule = recordModule(safetyPlanRecord, {
  name: 'safe-home-safety-plans',
  schemaVersion: 1,
  after: ['safe-home-runs', 'safe-home-sessions'],
  order: 't.run_id, t.version_date, t.created_at, t.id',
  summarise: (rows) => [
    {
      heading: `Safety-plan versions (${rows.length})`,
      lines: rows.map((r) => `Version of ${ukDate(r.version_date)}${r.reviewed_in_session_id ? ', reviewed' : ''}`),
    },
  ],
});

/**
 * Kept so that bundles made before the users module carried every user a record names can still
 * be read: those bundles listed facilitators who had not touched the case itself here. The users
 * module now finds them in the Safe Home records (`referencedBy`), so nothing new is carried in
 * this module; carrying them twice would insert them twice.
 */
export const safeHomeUsersModule: BundleModule<UserRecord> = {
  name: 'safe-home-users',
  schemaVersion: usersModule.schemaVersion,
  schema: usersModule.schema,
  insertOnly: true,
  after: ['users'],
  collect: () => [],
  get: usersModule.get,
  belongsTo: usersModule.belongsTo,
  insert: usersModule.insert,
  update: usersModule.update,
};

/** One enrolment's places in catch-up sessions: the record's id is the enrolment's. */
export interface CatchUpPlaces extends BundleRecord {
  case_id: string;
  session_ids: string[];
}

function placesOf(db: Db, enrolmentId: string): string[] {
  return (
    db
      .prepare(
        `SELECT s.id FROM safe_home_sessions s, json_each(s.for_enrolment_ids) j
          WHERE j.value = ? AND s.kind = 'catch_up' ORDER BY s.id`,
      )
      .all(enrolmentId) as { id: string }[]
  ).map((r) => r.id);
}

/**
 * This family's places in catch-ups. The version is the number of places plus one, so a record
 * with a place more is newer; applying one adds the enrolment to each session's list and removes
 * nobody (bundles carry no deletions).
 */
export const safeHomeCatchUpPlacesModule: BundleModule<CatchUpPlaces> = {
  name: 'safe-home-catch-up-places',
  schemaVersion: 1,
  after: ['safe-home-sessions', 'safe-home-enrolments'],
  schema: catchUpPlacesSchema(),
  collect(db, caseId) {
    const enrolments = db.prepare('SELECT id FROM safe_home_enrolments WHERE case_id = ? ORDER BY id').all(caseId) as {
      id: string;
    }[];
    return enrolments
      .map((e) => ({ id: e.id, case_id: caseId, session_ids: placesOf(db, e.id) }))
      .filter((p) => p.session_ids.length > 0)
      .map((p) => ({ ...p, version: p.session_ids.length + 1 }));
  },
  get(db, id) {
    const e = db.prepare('SELECT case_id FROM safe_home_enrolments WHERE id = ?').get(id) as
      { case_id: string } | undefined;
    if (!e) return null;
    const session_ids = placesOf(db, id);
    return { id, version: session_ids.length + 1, case_id: e.case_id, session_ids };
  },
  belongsTo: (r, caseId) => r.case_id === caseId,
  insert: (db, r) => addPlaces(db, r),
  update: (db, r) => addPlaces(db, r),
};

function addPlaces(db: Db, r: CatchUpPlaces): void {
  const add = db.prepare(
    `UPDATE safe_home_sessions SET for_enrolment_ids = json_insert(for_enrolment_ids, '$[#]', @enrolment)
      WHERE id = @session AND kind = 'catch_up'
        AND NOT EXISTS (SELECT 1 FROM json_each(for_enrolment_ids) WHERE value = @enrolment)`,
  );
  for (const session of r.session_ids) add.run({ session, enrolment: r.id });
}

function catchUpPlacesSchema() {
  return z
    .object({
      id: z.uuid(),
      version: z.int().min(1),
      case_id: z.uuid(),
      session_ids: z.array(z.uuid()).max(60),
    })
    .strict() as unknown as z.ZodType<CatchUpPlaces>;
}

/** Safe Home's modules, in the order they apply. */
export const safeHomeBundleModules = [
  safeHomeUsersModule,
  safeHomeRunsModule,
  safeHomeThemesModule,
  safeHomeSessionsModule,
  safeHomeGroupNotesModule,
  safeHomeEnrolmentsModule,
  safeHomeGoalsModule,
  safeHomeRegisterModule,
  safeHomeSafetyPlansModule,
  safeHomeCatchUpPlacesModule,
] as const;
