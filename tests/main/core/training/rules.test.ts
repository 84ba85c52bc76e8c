/**
 * The training schemas' rules, in the words the form and the router both show: averages 0-10
 * with one decimal, attendees at least one, evaluations no more than attendees, the last day
 * not before the first, someone to deliver it, and a period that ends after it starts.
 */
import { describe, expect, it } from 'vitest';
import {
  hasOneDecimalAtMost,
  trainingChannels,
  trainingEventSchema,
  trainingPackageSchema,
} from '../../../../preload/contract/training';
import { eventInput, PACKAGE_INPUT } from './training-fixtures';

const PACKAGE_ID = '6f1f2d1e-8c1a-4c55-9a1e-0d6a3c2b1a10';
const problems = (input: unknown) => {
  const r = trainingEventSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('training event rules', () => {
  it('accept a one-day event and fill the defaults', () => {
    const parsed = trainingEventSchema.parse(eventInput(PACKAGE_ID));
    expect(parsed.endDate).toBeNull();
    expect(parsed.materialsVersion).toBeNull();
    expect(parsed.trainerIds).toEqual([]);
  });

  it.each([
    [{ preConfidence: 10.5 }, 'A confidence average is a number from 0 to 10'],
    [{ postConfidence: -0.1 }, 'A confidence average is a number from 0 to 10'],
    [{ postConfidence: 6.25 }, 'at most one decimal place'],
    [{ attendees: 0 }, 'An event has at least one attendee.'],
    [{ attendees: 2.5 }, 'The number of attendees is a whole number.'],
    [{ evaluationsReturned: 25 }, 'More evaluations were returned than there were attendees'],
    [{ endDate: '2025-10-13' }, 'The last day cannot be before the first day.'],
    [{ startDate: '2025-02-29' }, 'That date does not exist.'],
    [{ evaluationsReturned: null }, 'Say how many evaluations were returned'],
    [{ coTrainers: '' }, 'Name at least one trainer'],
    [{ sector: 'army' }, 'Choose the sector the training was for.'],
    [{ delivery: 'hybrid' }, 'Say whether the training was in person or virtual.'],
    [{ organisation: '  ' }, 'Name the organisation that commissioned the training.'],
  ])('refuse %o', (change, message) => {
    expect(problems({ ...eventInput(PACKAGE_ID), ...change }).join(' ')).toContain(message);
  });

  it('allow a post-course average without a pre-course one, and averages on the edges', () => {
    expect(problems(eventInput(PACKAGE_ID, { preConfidence: null, postConfidence: 8 }))).toEqual([]);
    expect(problems(eventInput(PACKAGE_ID, { preConfidence: 0, postConfidence: 10 }))).toEqual([]);
    expect(problems(eventInput(PACKAGE_ID, { preConfidence: 6.1, postConfidence: 9.9 }))).toEqual([]);
  });

  it('allow no evaluation at all, and evaluations equal to attendees', () => {
    const none = { evaluationsReturned: null, preConfidence: null, postConfidence: null };
    expect(problems(eventInput(PACKAGE_ID, none))).toEqual([]);
    expect(problems(eventInput(PACKAGE_ID, { evaluationsReturned: 24 }))).toEqual([]);
  });

  it('take a several-day event whose last day is after its first', () => {
    expect(problems(eventInput(PACKAGE_ID, { endDate: '2025-10-16' }))).toEqual([]);
  });

  it('counts decimals on tenths, not on binary floating point', () => {
    expect([6.1, 0.3, 7, 9.9].every(hasOneDecimalAtMost)).toBe(true);
    expect([6.15, 0.05, 1 / 3].some(hasOneDecimalAtMost)).toBe(false);
  });
});

describe('training package rules', () => {
  it('need a title and at least one audience sector, each once', () => {
    const bad = trainingPackageSchema.safeParse({ ...PACKAGE_INPUT, title: '', audienceSectors: [] });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual([
      'Give the package a title.',
      'Choose at least one sector the package is meant for.',
    ]);
    const twice = trainingPackageSchema.safeParse({ ...PACKAGE_INPUT, audienceSectors: ['health', 'health'] });
    expect(twice.success).toBe(false);
  });

  it('start at materials version 1 when none is given', () => {
    expect(
      trainingPackageSchema.parse({ title: 'Briefing', audienceSectors: ['police'] }).currentMaterialsVersion,
    ).toBe(1);
  });
});

describe('training list filter', () => {
  it('refuses a period that ends before it starts', () => {
    const r = trainingChannels['trainingEvent:list'].input.safeParse({ from: '2025-06-01', to: '2025-05-31' });
    expect(r.success ? '' : r.error.issues[0]?.message).toBe('The end of the period cannot be before its start.');
  });
});
