/**
 * Every kind of chronology event, one definition each: the words the screen and the printed
 * chronology use for it, the marker the Chronology tab draws beside it, and the filter group it
 * belongs to. Both sides read this list: the core takes each source's group from its kinds, the
 * renderer its labels and markers. `ChronologyKind` is derived from the keys, so a source that
 * names a kind with no definition, or a definition without a label, does not compile.
 *
 * A new module adds its kinds here, in a section of its own, next to its contract file.
 */
import type { ChronologyGroup } from './casework';
import { CONSULTATION_CHRONOLOGY_KINDS } from './consultation-kinds';
import { INTERVENTION_CHRONOLOGY_KINDS } from './intervention-kinds';
import { SAFE_HOME_CHRONOLOGY_KINDS } from './safe-home-kinds';

/**
 * The markers the Chronology tab can draw (a shape and a colour, always beside the kind's
 * words, so colour is never the only signal). `other` is the plain grey circle.
 */
export type ChronologyMarker =
  | 'referral'
  | 'status_change'
  | 'note'
  | 'flag_raised'
  | 'flag_cleared'
  | 'paperwork_received'
  | 'document_added'
  | 'other';

/** What one kind of event is. */
export interface ChronologyKindDefinition {
  /** A short label, as clinicians say it (UK English), shown before the event's summary. */
  label: string;
  /** The filter group its events fall under. */
  group: ChronologyGroup;
  /** How the Chronology tab marks it. */
  marker: ChronologyMarker;
  /** The core module whose chronology source gives these events; for the next engineer. */
  source: string;
}

/** Every chronology kind, by id (the `kind` column each source's SQL selects). */
export const CHRONOLOGY_KINDS = {
  // cases (main/core/notes/chronology.ts)
  referral: { label: 'Referral', group: 'status', marker: 'referral', source: 'cases' },
  status_change: { label: 'Status', group: 'status', marker: 'status_change', source: 'cases' },
  // notes
  note: { label: 'Note', group: 'notes', marker: 'note', source: 'notes' },
  // flags
  flag_raised: { label: 'Flag raised', group: 'flags', marker: 'flag_raised', source: 'flags' },
  flag_cleared: { label: 'Flag cleared', group: 'flags', marker: 'flag_cleared', source: 'flags' },
  // tasks
  task_due: { label: 'Task due', group: 'tasks', marker: 'other', source: 'tasks' },
  task_done: { label: 'Task done', group: 'tasks', marker: 'other', source: 'tasks' },
  // paperwork
  paperwork_received: { label: 'Paperwork', group: 'paperwork', marker: 'paperwork_received', source: 'paperwork' },
  // documents (main/core/documents/documents.search.ts)
  document_added: { label: 'Document', group: 'documents', marker: 'document_added', source: 'documents' },
  // bundles (main/core/bundles/bundles.ipc.ts)
  bundle_received: { label: 'Bundle received', group: 'other', marker: 'other', source: 'bundles' },
  bundle_sent: { label: 'Bundle sent', group: 'other', marker: 'other', source: 'bundles' },
  // psychometrics (main/core/psychometrics/psychometrics.chronology.ts)
  psychometric_administered: { label: 'Psychometrics', group: 'assessment', marker: 'other', source: 'psychometrics' },
  // assessments (main/core/assessments/assessments.chronology.ts)
  assessment_stage_done: { label: 'Assessment', group: 'assessment', marker: 'other', source: 'assessments' },
  hsb_behaviour_recorded: {
    label: 'Harmful sexual behaviour',
    group: 'assessment',
    marker: 'other',
    source: 'assessments',
  },
  // consultations (main/core/consultations/consultations.ipc.ts)
  ...CONSULTATION_CHRONOLOGY_KINDS,
  // attachment (main/core/attachment/attachment.chronology.ts)
  attachment_procedure: { label: 'Attachment', group: 'assessment', marker: 'other', source: 'attachment' },
  // interventions (main/core/interventions/interventions.chronology.ts)
  ...INTERVENTION_CHRONOLOGY_KINDS,
  // Safe Home (main/core/safe-home/safe-home.chronology.ts)
  ...SAFE_HOME_CHRONOLOGY_KINDS,
} as const satisfies Record<string, ChronologyKindDefinition>;

/** The id of a chronology kind. */
export type ChronologyKind = keyof typeof CHRONOLOGY_KINDS;

/** The definition of a kind. */
export function chronologyKind(kind: ChronologyKind): ChronologyKindDefinition {
  return CHRONOLOGY_KINDS[kind];
}

/** Whether a string read back from SQL is a defined kind. */
export function isChronologyKind(kind: string): kind is ChronologyKind {
  return Object.hasOwn(CHRONOLOGY_KINDS, kind);
}
