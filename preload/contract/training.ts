/**
 * Training channels: the packages the service teaches and the events that delivered them.
 * Records and rules: `training-records.ts`. A package's materials (slides, handouts) are files:
 * they travel over the byte routes `training-materials/upload` and `training-materials/<id>`
 * (main/core/training/training-routes.ts), never over IPC.
 *
 * Every write has its audit row in the write's transaction; training records name no case, so
 * their rows carry no case id and their own entity kinds.
 */
import { z } from 'zod';
import { idSchema } from './common';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import { pagingSchema, type Page } from './paging';
import {
  checkTrainingPeriod,
  trainingEventSchema,
  trainingListFilterShape,
  trainingPackageSchema,
  type TrainingEventListItem,
  type TrainingEventView,
  type TrainingPackageView,
} from './training-records';

export * from './training-records';

const expectedVersion = z.int().min(1);

export const trainingChannels = {
  /** Every training package, by title, each with its materials and how many events delivered it. */
  'trainingPackage:list': channel<TrainingPackageView[]>()(z.object({}).strict(), ANY_USER),
  /** Add a package (its materials are uploaded afterwards, to the package's current version). */
  'trainingPackage:create': channel<TrainingPackageView>()(
    z.object({ package: trainingPackageSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Change a package. Raising `currentMaterialsVersion` starts a new version of the materials;
   * lowering it below a version some event already used is refused. CONFLICT if it changed since
   * `expectedVersion`.
   */
  'trainingPackage:update': channel<TrainingPackageView>()(
    z.object({ packageId: idSchema, expectedVersion, package: trainingPackageSchema }).strict(),
    CASE_WRITERS,
  ),

  /**
   * The Training area: events newest first (by first day), paged, optionally of one sector and
   * within a period. Removed events are left out.
   */
  'trainingEvent:list': channel<Page<TrainingEventListItem>>()(
    z
      .object({ ...trainingListFilterShape, ...pagingSchema.shape })
      .strict()
      .superRefine(checkTrainingPeriod),
    ANY_USER,
  ),
  /** One event in full, for its form. */
  'trainingEvent:get': channel<TrainingEventView>()(z.object({ eventId: idSchema }).strict(), ANY_USER),
  /**
   * Record an event. Trainers must be users of this vault; the materials version must exist
   * for the package (no later than its current one; the current one when not given).
   */
  'trainingEvent:create': channel<TrainingEventView>()(z.object({ event: trainingEventSchema }).strict(), CASE_WRITERS),
  /** Change an event. CONFLICT if it changed since `expectedVersion`. */
  'trainingEvent:update': channel<TrainingEventView>()(
    z.object({ eventId: idSchema, expectedVersion, event: trainingEventSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Remove an event recorded in error, saying why. The row is kept (hidden from every list)
   * and the reason is in its audit row.
   */
  'trainingEvent:remove': channel<{ removed: true }>()(
    z
      .object({
        eventId: idSchema,
        expectedVersion,
        reason: z
          .string()
          .trim()
          .min(1, 'Say why the event is being removed.')
          .max(1000, 'A reason is at most 1,000 characters.'),
      })
      .strict(),
    CASE_WRITERS,
  ),
} as const;
