import type {
  AccessLogEntry,
  CaseDetail,
  ChronologyFilter,
  ChronologyPage,
  DocumentView,
  FlagView,
  NoteView,
  Page,
  TaskView,
} from '../../preload/contract';
import { CHRONOLOGY_GROUPS } from '../../preload/contract/casework';
import { createResettableStore } from './reset';

/**
 * The id of a case-page tab. Tabs register themselves from their modules' folders
 * (`features/cases/case-page/tab-registry.ts`); the store keeps which one is chosen.
 */
export type CaseTab = string;

/** A person who can own a task or lead a case, as far as the signed-in user can see. */
export interface Worker {
  id: string;
  displayName: string;
}

/**
 * The open case. Everything here is case data: the store is resettable, so a lock clears it.
 * Lists are null until their tab first asks for them.
 */
export interface CasePageState {
  caseId: string | null;
  detail: CaseDetail | null;
  loadError: string | null;
  /** Why the current tab's records could not be loaded, if they could not. */
  tabError: string | null;
  /** Set when a save failed because someone else changed the case first. */
  conflict: boolean;
  tab: CaseTab;
  flags: FlagView[] | null;
  tasks: TaskView[] | null;
  notes: Page<NoteView> | null;
  /** The page shown, with the filter it was read through (the store's filter may be newer, on its way). */
  chronology: (ChronologyPage & { shownFor: ChronologyFilter }) | null;
  /** What the chronology shows; kept while paging, reset when another case opens. */
  chronologyFilter: ChronologyFilter;
  documents: DocumentView[] | null;
  accessLog: Page<AccessLogEntry> | null;
  /** Every user of the vault (administrators only; others see the workers on the case). */
  users: Worker[] | null;
}

/** The chronology filter that shows everything (a fresh copy each time). */
export function everyChronologyEvent(): ChronologyFilter {
  return { groups: [...CHRONOLOGY_GROUPS], thirdParty: 'all' };
}

export const useCasePageStore = createResettableStore<CasePageState>({
  caseId: null,
  detail: null,
  loadError: null,
  tabError: null,
  conflict: false,
  tab: 'overview',
  flags: null,
  tasks: null,
  notes: null,
  chronology: null,
  chronologyFilter: everyChronologyEvent(),
  documents: null,
  accessLog: null,
  users: null,
});
