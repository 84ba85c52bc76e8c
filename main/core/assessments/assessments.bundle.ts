/**
 * The assessment in case bundles: one table module per record, columns taken from the record
 * definitions (so a column added to a record travels without a second list). Behaviours that
 * hold third-party information stay out unless the sender chose third-party content, as with
 * third-party people. Conflicts are found by version like every other module.
 */
import { HACKETT_LABELS } from '../../../preload/contract/hsb-frameworks';
import { RECOMMENDATION_GROUP_LABELS, STAGE_LABELS } from '../../../preload/contract/assessment-records';
import type { Db } from '../db/connection';
import { tableModule, type Row } from '../bundles/modules/table-module';
import { ukDate } from '../bundles/summary';
import { signedOffLock } from '../reports/signoff/signoff-lock';
import { assessmentRecord, behaviourRecord, recommendationRecord, stageRecord } from './assessments.records';
import { ASSESSMENT_SUBJECT, ASSESSMENT_WHAT } from './assessment-lock';

const carried = ['id', 'version', 'case_id'];

/**
 * A signed-off assessment's content (its own row, behaviours, recommendations) is not changed
 * by a bundle: the change waits as a conflict naming the sign-off. Stages still move on after
 * sign-off (quality assurance, report sent), so they are not locked.
 */
const lockedByAssessment = (assessmentId: (r: Row) => unknown) => (db: Db, r: Row) =>
  signedOffLock(db, { kind: ASSESSMENT_SUBJECT, id: String(assessmentId(r)) }, ASSESSMENT_WHAT);

export const assessmentsModule = tableModule({
  name: 'assessments',
  table: assessmentRecord.table,
  schemaVersion: 1,
  after: ['case', 'users'],
  columns: assessmentRecord.storedSchemas(carried),
  order: 't.opened_at',
  lockedBy: lockedByAssessment((r) => r.id),
  summarise: (rows) => [
    {
      heading: `Assessments (${rows.length})`,
      lines: rows.map((r) =>
        r.state === 'complete'
          ? `Complete: report sent ${ukDate(String(r.report_sent_date))}`
          : `Open: last stage ${r.stage_reached ? STAGE_LABELS[r.stage_reached as keyof typeof STAGE_LABELS] : 'none yet'}`,
      ),
    },
  ],
});

export const assessmentStagesModule = tableModule({
  name: 'assessment-stages',
  table: stageRecord.table,
  schemaVersion: 1,
  after: ['assessments'],
  columns: stageRecord.storedSchemas(carried),
  order: 't.assessment_id, t.seq',
});

export const assessmentBehavioursModule = tableModule({
  name: 'assessment-behaviours',
  table: behaviourRecord.table,
  schemaVersion: 1,
  after: ['assessments'],
  columns: behaviourRecord.storedSchemas(carried),
  sensitive: (r: Row) => r.third_party === 1,
  lockedBy: lockedByAssessment((r) => r.assessment_id),
  order: 't.occurred_on',
  summarise: (rows) => [
    {
      heading: `Harmful sexual behaviour (${rows.length})`,
      lines: rows.map((r) => {
        const brook = r.brook_version ? `, Brook ${String(r.brook_version)} ${String(r.brook_colour)}` : '';
        return `${ukDate(String(r.occurred_on))}: ${HACKETT_LABELS[r.hackett as keyof typeof HACKETT_LABELS]}${brook}`;
      }),
    },
  ],
});

export const assessmentRecommendationsModule = tableModule({
  name: 'assessment-recommendations',
  table: recommendationRecord.table,
  schemaVersion: 1,
  after: ['assessments'],
  columns: recommendationRecord.storedSchemas(carried),
  order: 't.grp, t.created_at',
  lockedBy: lockedByAssessment((r) => r.assessment_id),
  summarise: (rows) => [
    {
      heading: `Recommendations (${rows.length})`,
      lines: rows.map(
        (r) =>
          `${RECOMMENDATION_GROUP_LABELS[r.grp as keyof typeof RECOMMENDATION_GROUP_LABELS]}: ${String(r.owner)}, ${String(r.timescale)}`,
      ),
    },
  ],
});

/** The assessment's modules, in the order they apply. */
export const assessmentBundleModules = [
  assessmentsModule,
  assessmentStagesModule,
  assessmentBehavioursModule,
  assessmentRecommendationsModule,
] as const;
