/**
 * What the Training area holds: the page of events with its filter, the packages with their
 * materials, and the colleagues who can be named as trainers. Resettable: a lock clears it.
 */
import type { Page, TrainingEventListItem, TrainingPackageView, TrainingSector } from '../../../preload/contract';
import type { DirectoryUser } from '../../../preload/contract/vault';
import { createResettableStore } from '../../stores/reset';

/** The list's filter as the core takes it (ISO dates). */
export interface TrainingFilter {
  sector: TrainingSector | null;
  from: string | null;
  to: string | null;
}

/** Which screen of the area is showing. */
export type TrainingView =
  { kind: 'list' } | { kind: 'event'; eventId: string | null } | { kind: 'package'; packageId: string | null };

export interface TrainingState {
  filter: TrainingFilter;
  events: Page<TrainingEventListItem> | null;
  packages: TrainingPackageView[] | null;
  trainers: DirectoryUser[] | null;
  view: TrainingView;
  /** Said after a save, politely, where the list shows again. */
  notice: string | null;
}

export const NO_FILTER: TrainingFilter = { sector: null, from: null, to: null };

export const useTrainingStore = createResettableStore<TrainingState>({
  filter: NO_FILTER,
  events: null,
  packages: null,
  trainers: null,
  view: { kind: 'list' },
  notice: null,
});
