import type {
  AccessLogEntry,
  CaseDetail,
  ChronologyEvent,
  DocumentView,
  FlagView,
  NoteView,
  Page,
  TaskView,
} from '../../preload/contract';
import { createResettableStore } from './reset';

/** The sections of the case page, in tab order. */
export const CASE_TABS = [
  'overview',
  'people',
  'paperwork',
  'flags',
  'tasks',
  'notes',
  'documents',
  'chronology',
  'access-log',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

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
  chronology: Page<ChronologyEvent> | null;
  documents: DocumentView[] | null;
  accessLog: Page<AccessLogEntry> | null;
  /** Every user of the vault (administrators only; others see the workers on the case). */
  users: Worker[] | null;
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
  documents: null,
  accessLog: null,
  users: null,
});
