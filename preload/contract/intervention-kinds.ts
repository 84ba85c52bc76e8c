/** The interventions module's chronology kinds, spread into `CHRONOLOGY_KINDS`, in the Interventions filter group. */
export const INTERVENTION_CHRONOLOGY_KINDS = {
  intervention_started: { label: 'Intervention', group: 'intervention', marker: 'other', source: 'interventions' },
  intervention_reviewed: {
    label: 'Intervention review',
    group: 'intervention',
    marker: 'other',
    source: 'interventions',
  },
  intervention_closed: {
    label: 'Intervention closed',
    group: 'intervention',
    marker: 'other',
    source: 'interventions',
  },
  intervention_session: { label: 'Session', group: 'intervention', marker: 'other', source: 'interventions' },
  safeguarding_concern: {
    label: 'Safeguarding concern',
    group: 'intervention',
    marker: 'other',
    source: 'interventions',
  },
} as const;
