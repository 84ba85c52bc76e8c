/**
 * The interventions module's chronology kinds, spread into `CHRONOLOGY_KINDS`. They sit in the
 * "other" filter group until the Chronology tab gains an intervention group (another part of
 * issue 12 adds the groups): then only `group` changes here.
 */
export const INTERVENTION_CHRONOLOGY_KINDS = {
  intervention_started: { label: 'Intervention', group: 'other', marker: 'other', source: 'interventions' },
  intervention_reviewed: { label: 'Intervention review', group: 'other', marker: 'other', source: 'interventions' },
  intervention_closed: { label: 'Intervention closed', group: 'other', marker: 'other', source: 'interventions' },
  intervention_session: { label: 'Session', group: 'other', marker: 'other', source: 'interventions' },
  safeguarding_concern: { label: 'Safeguarding concern', group: 'other', marker: 'other', source: 'interventions' },
} as const;
