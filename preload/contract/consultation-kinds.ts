/** The consultations module's chronology kinds, spread into `CHRONOLOGY_KINDS`: filter group `consultation`. */
export const CONSULTATION_CHRONOLOGY_KINDS = {
  consultation: { label: 'Consultation', group: 'consultation', marker: 'other', source: 'consultations' },
  consultation_signed: { label: 'Report signed', group: 'consultation', marker: 'other', source: 'consultations' },
  batch_discussed: { label: 'Batch consultation', group: 'consultation', marker: 'other', source: 'consultations' },
} as const;
