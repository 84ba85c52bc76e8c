/** The words of demo intervention records: goals in a young person's words, session notes, reasons. */
import type { Attendance, GoalArea } from '../../../preload/contract/intervention-records';

export const GOALS: readonly (readonly [GoalArea, string])[] = [
  ['making_sense', 'Understand what led up to the behaviour and say it in my own words.'],
  ['making_sense', 'Know my warning signs and what I do when I notice them.'],
  ['healthy_strategies', 'Find safe things to do when I am bored or lonely.'],
  ['healthy_strategies', 'Use my safety plan when I am online.'],
  ['emotions_relationships', 'Tell mum or dad when I feel angry instead of going quiet.'],
  ['emotions_relationships', 'Make one friend at school I can trust.'],
];
export const CONTENT = [
  'Worked on the timeline of the weeks before the behaviour.',
  'Went through the safety plan and what has been hard to keep to.',
  'Used the feelings thermometer to talk about a difficult week at school.',
  'Talked about healthy relationships and consent, using the cards.',
  'Reviewed the week and practised the calm-down steps.',
];
export const OBSERVATIONS = [
  'Engaged well and asked questions.',
  'Quiet at first; more open by the end.',
  'Tired and distracted; the session was kept short and practical.',
  'Able to name two warning signs without prompting.',
];
export const NEXT_STEPS = [
  'Bring the feelings diary next time.',
  'Practise the safety plan with a carer before the next session.',
  'Carry on with the timeline.',
  'Invite a carer for the last twenty minutes.',
];
export const REASONS: Record<Exclude<Attendance, 'attended' | 'planned'>, readonly string[]> = {
  did_not_attend: ['Not known; no answer when called.', 'Overslept, said his carer.', 'Not known.'],
  cancelled_by_family: ['Unwell.', 'A family funeral.', 'Hospital appointment.'],
  cancelled_by_service: ['Clinician unwell.', 'Clinic room unavailable.'],
};
