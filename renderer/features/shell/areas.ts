import type { Role } from '../../../preload/contract';
import type { Area } from '../../stores/shell';

export interface AreaInfo {
  label: string;
  /** What the area is for, one sentence. */
  summary: string;
  /** The honest empty state: what will appear here once there is something to show. */
  empty: string;
  /** Roles that see the area in the navigation; all roles when absent. */
  roles?: readonly Role[];
}

/** Navigation labels and empty states. No fake data: an area says what will appear in it. */
export const AREA_INFO: Record<Area, AreaInfo> = {
  cases: {
    label: 'Cases',
    summary: 'Children and young people referred to the service, with their referrals, people and documents.',
    empty: 'No cases yet. Referrals you record will appear here.',
  },
  consultations: {
    label: 'Consultations',
    summary: 'Professional consultations with the network around a child, and ongoing consultations with teams.',
    empty: 'No consultations yet. Consultations and their written recommendations will appear here.',
  },
  assessments: {
    label: 'Assessments',
    summary: 'Assessments of risks and needs, psychometric results and attachment assessments.',
    empty: 'No assessments yet. Assessments will appear here, with how many weeks remain of the 12-week target.',
  },
  interventions: {
    label: 'Interventions',
    summary: 'Individual and family-based treatment, with goals and outcome measures.',
    empty: 'No interventions yet. Treatment episodes, sessions and outcome measures will appear here.',
  },
  'safe-home': {
    label: 'Safe Home',
    summary: 'The programme for parents and carers: groups, attendance, themes covered and safety plans.',
    empty: 'No Safe Home groups yet. Groups, sessions attended and safety plans will appear here.',
  },
  training: {
    label: 'Training',
    summary: 'Training delivered to social care, health, universities and conferences.',
    empty: 'No training events yet. Training you deliver, and who attended, will appear here.',
  },
  reports: {
    label: 'Reports',
    summary: 'Clinical reports and service figures, produced as PDF or Word documents.',
    empty: 'No reports yet. Reports and service figures will appear here once there are records to report on.',
  },
  sharing: {
    label: 'Sharing',
    summary: 'Your key card, your colleagues, and sending and receiving cases as encrypted bundles.',
    empty: '',
  },
  administration: {
    label: 'Administration',
    summary: 'Users and roles, the assessment paperwork checklist, and checks of the audit trail.',
    empty: '',
    roles: ['administrator'],
  },
};

/** Whether a role may see an area. */
export function canSee(area: Area, role: Role): boolean {
  const roles = AREA_INFO[area].roles;
  return !roles || roles.includes(role);
}
