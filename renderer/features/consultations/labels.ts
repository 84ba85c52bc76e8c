/** How the consultations screens word the module's vocabularies (UK English). */
import type { MeetingMode, PoliceInvestigation, Suitability } from '../../../preload/contract';

export const MEETING_MODE_LABELS: Record<MeetingMode, string> = {
  in_person: 'In person',
  virtual: 'Virtual',
};

export const POLICE_LABELS: Record<PoliceInvestigation, string> = {
  yes: 'Yes',
  no: 'No',
  not_known: 'Not known',
};

export const SUITABILITY_LABELS: Record<Suitability, string> = {
  assessment_now: 'Suitable for assessment now',
  intervention_now: 'Suitable for intervention now',
  later: 'Suitable later',
  not_suitable: 'Not suitable',
};
