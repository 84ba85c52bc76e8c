/** Inputs for the training tests: a valid package and event, to vary one field at a time. */
import type { ChannelInput } from '../../../../preload/contract';

export const PACKAGE_INPUT = {
  title: 'Understanding harmful sexual behaviour',
  summary: 'A day on the continuum of sexual behaviour and the AIM model.',
  audienceSectors: ['social_care', 'education'],
  currentMaterialsVersion: 2,
} satisfies ChannelInput<'trainingPackage:create'>['package'];

export function eventInput(
  packageId: string,
  changes: Partial<ChannelInput<'trainingEvent:create'>['event']> = {},
): ChannelInput<'trainingEvent:create'>['event'] {
  return {
    title: 'HSB awareness for designated safeguarding leads',
    packageId,
    tailoring: 'Primary school examples.',
    organisation: 'Leeds Safeguarding Children Partnership',
    sector: 'education',
    startDate: '2025-10-14',
    endDate: null,
    delivery: 'in_person',
    trainerIds: [],
    coTrainers: 'Dr Jo Patel (CAMHS)',
    attendees: 24,
    evaluationsReturned: 20,
    preConfidence: 4.5,
    postConfidence: 7.8,
    themes: 'Wanted more on online behaviour.',
    materialsVersion: null,
    ...changes,
  };
}
