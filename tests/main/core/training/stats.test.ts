/**
 * Training delivered by sector, the dashboard's and the export's measure, on hand-made events
 * with known answers: events and attendees per sector, both edges of the period inclusive,
 * removed events left out, and 0 for a sector with no training.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { computeStatistics } from '../../../../main/core/stats/stats.service';
import {
  createTrainingEvent,
  createTrainingPackage,
  removeTrainingEvent,
} from '../../../../main/core/training/training.service';
import { trainingEventSchema, trainingPackageSchema } from '../../../../preload/contract/training';
import type { StatisticsPeriod } from '../../../../preload/contract/stats-records';
import { makeVault, type TestVault } from '../cases/fixtures';
import { eventInput, PACKAGE_INPUT } from './training-fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

function figures(measure: string, period: StatisticsPeriod, breakdown: string | null = null) {
  return Object.fromEntries(
    computeStatistics(t.vault, period)
      .rows.filter((r) => r.measure === measure && r.breakdown === breakdown)
      .map((r) => [r.group ?? 'total', r.value]),
  );
}

describe('training delivered by sector', () => {
  it('counts events and attendees per sector on both edges of the period, without removed events', () => {
    const pkg = createTrainingPackage(t.vault, trainingPackageSchema.parse(PACKAGE_INPUT));
    const event = (startDate: string, sector: 'health' | 'education' | 'police', attendees: number) =>
      createTrainingEvent(
        t.vault,
        trainingEventSchema.parse(
          eventInput(pkg.id, {
            startDate,
            sector,
            attendees,
            evaluationsReturned: null,
            preConfidence: null,
            postConfidence: null,
          }),
        ),
      );
    event('2025-03-31', 'health', 100);
    event('2025-04-01', 'health', 12);
    event('2025-04-15', 'education', 30);
    event('2025-04-30', 'health', 8);
    event('2025-05-01', 'police', 40);
    const removed = event('2025-04-20', 'police', 50);
    removeTrainingEvent(t.vault, { eventId: removed.id, expectedVersion: 1, reason: 'Entered twice.' });

    const april = { from: '2025-04-01', to: '2025-04-30' };
    expect(figures('training_events_delivered', april)).toEqual({ total: 3 });
    expect(figures('training_events_delivered', april, 'sector')).toEqual({
      'Social care': 0,
      Health: 2,
      Education: 1,
      Police: 0,
      University: 0,
      Conference: 0,
    });
    expect(figures('training_attendees', april)).toEqual({ total: 50 });
    expect(figures('training_attendees', april, 'sector')).toMatchObject({ Health: 20, Education: 30, Police: 0 });
  });

  it('gives 0 for a period without training', () => {
    expect(figures('training_events_delivered', { from: '2024-01-01', to: '2024-12-31' })).toEqual({ total: 0 });
  });
});
