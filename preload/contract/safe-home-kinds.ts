/**
 * Safe Home's chronology kinds, spread into `CHRONOLOGY_KINDS`, in the Safe Home filter group.
 * Every event is of one carer of the case (or the family's safety plan): a group's other families
 * never appear in a case's chronology (`main/core/safe-home/safe-home.chronology.ts`).
 */
export const SAFE_HOME_CHRONOLOGY_KINDS = {
  safe_home_enrolled: { label: 'Safe Home', group: 'safe_home', marker: 'other', source: 'safe-home' },
  safe_home_session: { label: 'Safe Home session', group: 'safe_home', marker: 'other', source: 'safe-home' },
  safe_home_carer_note: { label: 'Safe Home note', group: 'safe_home', marker: 'other', source: 'safe-home' },
  safe_home_withdrawn: { label: 'Safe Home withdrawal', group: 'safe_home', marker: 'other', source: 'safe-home' },
  safe_home_completed: { label: 'Safe Home completed', group: 'safe_home', marker: 'other', source: 'safe-home' },
  safe_home_safety_plan: { label: 'Safety plan', group: 'safe_home', marker: 'other', source: 'safe-home' },
  safe_home_safety_plan_reviewed: {
    label: 'Safety plan review',
    group: 'safe_home',
    marker: 'other',
    source: 'safe-home',
  },
} as const;
