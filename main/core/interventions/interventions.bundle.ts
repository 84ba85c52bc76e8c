/**
 * The interventions in case bundles: one module per table, columns from the record
 * definitions. Session notes' sign-off travels in the generic `report-signoffs` and
 * `report-addenda` modules (subject kind `intervention_session`), so a note signed on one
 * laptop is locked on the other. A note signed here keeps its text whatever a bundle brings
 * (`lockedBy`): the change waits as a conflict, and "take theirs" is refused. Other conflicts
 * are found by version like every other module.
 *
 * A concern's flag and task travel in the casework modules, which apply before these.
 */
import { ATTENDANCE_LABELS, PLAN_TYPE_LABELS } from '../../../preload/contract/intervention-records';
import { recordModule } from '../bundles/modules/record-module';
import { ukDate } from '../bundles/summary';
import { signedOffLock } from '../reports/signoff/signoff-lock';
import { SESSION_SUBJECT } from './intervention-view';
import {
  concernRecord,
  goalRecord,
  planRecord,
  ratingRecord,
  reviewRecord,
  sessionRecord,
} from './interventions.records';

export const interventionPlansModule = recordModule(planRecord, {
  name: 'intervention-plans',
  schemaVersion: 1,
  after: ['case', 'users', 'people'],
  order: 't.start_date, t.id',
  summarise: (rows) => [
    {
      heading: `Intervention plans (${rows.length})`,
      lines: rows.map(
        (r) =>
          `${PLAN_TYPE_LABELS[r.plan_type]} from ${ukDate(r.start_date)}${r.closed_on ? `, closed ${ukDate(r.closed_on)}` : ', active'}`,
      ),
    },
  ],
});

export const interventionGoalsModule = recordModule(goalRecord, {
  name: 'intervention-goals',
  schemaVersion: 1,
  after: ['intervention-plans'],
  order: 't.plan_id, t.seq',
});

export const interventionReviewsModule = recordModule(reviewRecord, {
  name: 'intervention-reviews',
  schemaVersion: 1,
  after: ['intervention-plans'],
  order: 't.review_date, t.id',
});

export const interventionSessionsModule = recordModule(sessionRecord, {
  name: 'intervention-sessions',
  schemaVersion: 1,
  after: ['intervention-plans'],
  order: 't.session_date, t.start_time, t.id',
  // Signing does not touch the session's row or version, so without this lock a colleague's
  // later edit would replace the signed text as an ordinary update.
  lockedBy: (db, r) => signedOffLock(db, { kind: SESSION_SUBJECT, id: String(r.id) }, 'session note'),
  summarise: (rows) => [
    {
      heading: `Intervention sessions (${rows.length})`,
      lines: rows.map((r) => `${ukDate(r.session_date)} ${r.start_time}: ${ATTENDANCE_LABELS[r.attendance]}`),
    },
  ],
});

export const interventionRatingsModule = recordModule(ratingRecord, {
  name: 'intervention-goal-ratings',
  schemaVersion: 1,
  after: ['intervention-goals', 'intervention-sessions'],
  order: 't.goal_id, t.rated_on, t.id',
});

export const interventionConcernsModule = recordModule(concernRecord, {
  name: 'intervention-concerns',
  schemaVersion: 1,
  after: ['intervention-sessions', 'flags', 'tasks'],
  order: 't.created_at, t.id',
  summarise: (rows) => [
    {
      heading: `Safeguarding concerns raised in sessions (${rows.length})`,
      lines: rows.map((r) => `Raised ${ukDate(r.created_at.slice(0, 10))}`),
    },
  ],
});

/** The interventions' modules, in the order they apply. */
export const interventionBundleModules = [
  interventionPlansModule,
  interventionGoalsModule,
  interventionReviewsModule,
  interventionSessionsModule,
  interventionRatingsModule,
  interventionConcernsModule,
] as const;
