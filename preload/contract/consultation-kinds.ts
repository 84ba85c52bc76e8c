/**
 * The consultations module's chronology kinds, spread into `CHRONOLOGY_KINDS`. They sit in the
 * "other" filter group: a group of their own would need a label in the Chronology tab's filters.
 */
export const CONSULTATION_CHRONOLOGY_KINDS = {
  consultation: { label: 'Consultation', group: 'other', marker: 'other', source: 'consultations' },
  consultation_signed: { label: 'Report signed', group: 'other', marker: 'other', source: 'consultations' },
  batch_discussed: { label: 'Batch consultation', group: 'other', marker: 'other', source: 'consultations' },
} as const;
