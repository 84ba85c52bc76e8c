import { describe, expect, it } from 'vitest';
import { dnaWords, nextSessionWords, shownWords } from '../../../renderer/features/interventions/area/area-words';

describe('Interventions area words', () => {
  it('writes the DNA rate in figures and words, and says when nothing is offered yet', () => {
    expect(dnaWords({ dnaRate: 0.25, didNotAttend: 1, sessionsOffered: 4 })).toBe('25% (1 not attended of 4 offered)');
    expect(dnaWords({ dnaRate: 0, didNotAttend: 0, sessionsOffered: 6 })).toBe('0% (none not attended of 6 offered)');
    // A session the service cancelled counts neither way, so the rate is 1 of 3, not 1 of 4.
    expect(dnaWords({ dnaRate: 1 / 3, didNotAttend: 1, sessionsOffered: 4 })).toBe('33% (1 not attended of 4 offered)');
    expect(dnaWords({ dnaRate: null, didNotAttend: 0, sessionsOffered: 0 })).toBe('No sessions yet');
  });

  it('writes the next session as a UK date, or that none is booked', () => {
    expect(nextSessionWords('2026-12-03')).toBe('03/12/2026');
    expect(nextSessionWords(null)).toBe('None booked');
  });

  it('says how many plans are shown of how many', () => {
    expect(shownWords(25, 1830)).toBe('Showing 25 of 1,830 active plans');
    expect(shownWords(7, 7)).toBe('Showing all 7 active plans');
    expect(shownWords(1, 1)).toBe('Showing the one active plan');
  });
});
