import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addYears,
  ageOn,
  latestBirthFor,
  retentionOutcome,
  type RetentionFacts,
} from '../../../../main/core/retention/retention.rules';

const base: RetentionFacts = {
  dateOfBirth: '2010-05-10',
  closedOn: '2026-06-01',
  careEnded: 'closed',
  dateOfDeath: null,
  referralDate: '2025-01-15',
  ageAtReferral: 14,
};

const candidate = (facts: RetentionFacts, rule: string) =>
  retentionOutcome(facts).candidates.find((c) => c.rule === rule)?.date;

describe('retention rules', () => {
  it('takes the latest rule: 20 years after care ends outlasts the 25th birthday of a 16-year-old', () => {
    const out = retentionOutcome(base);
    expect(out.reviewDate).toBe('2046-06-01');
    expect(out.decidedBy).toBe('mental_health');
    expect(out.ageAtDischarge).toBe(16);
    expect(candidate(base, 'childrens_records')).toBe('2035-05-10');
    expect(out.dateOfBirthUnknown).toBe(false);
  });

  it("takes the children's rule when it is the later one (a 4-year-old's 25th birthday)", () => {
    const out = retentionOutcome({
      ...base,
      dateOfBirth: '2020-01-01',
      closedOn: '2024-01-01',
      referralDate: '2023-06-01',
      ageAtReferral: 3,
    });
    expect(out.reviewDate).toBe('2045-01-01');
    expect(out.decidedBy).toBe('childrens_records');
  });

  it('keeps to the 26th birthday when the young person was 17 at discharge', () => {
    const facts = { ...base, dateOfBirth: '2009-03-01', closedOn: '2026-06-01' };
    expect(retentionOutcome(facts).ageAtDischarge).toBe(17);
    expect(candidate(facts, 'childrens_records')).toBe('2035-03-01');
  });

  it('keeps to the 25th birthday when the young person was 18 at discharge', () => {
    const facts = { ...base, dateOfBirth: '2008-03-01', closedOn: '2026-06-01' };
    expect(retentionOutcome(facts).ageAtDischarge).toBe(18);
    expect(candidate(facts, 'childrens_records')).toBe('2033-03-01');
  });

  it('turns 18 on the birthday itself: closed on the 18th birthday is 18 at discharge', () => {
    expect(ageOn('2008-06-01', '2026-06-01')).toBe(18);
    expect(ageOn('2008-06-01', '2026-05-31')).toBe(17);
  });

  it('places a 29 February birthday on 1 March in other years (age and the 25th birthday)', () => {
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    const facts = {
      ...base,
      dateOfBirth: '2008-02-29',
      closedOn: '2010-06-01',
      referralDate: '2010-01-01',
      ageAtReferral: 1,
    };
    expect(retentionOutcome(facts).reviewDate).toBe('2033-03-01');
    // 17 at discharge, closed the day after the 17th birthday (1 March 2025): the 26th birthday.
    expect(candidate({ ...facts, closedOn: '2025-03-01' }, 'childrens_records')).toBe('2034-03-01');
  });

  it('counts 20 years from a 29 February closure (1 March in 2100, not a leap year), and 8 years from a 29 February death', () => {
    expect(candidate({ ...base, closedOn: '2024-02-29' }, 'mental_health')).toBe('2044-02-29');
    expect(candidate({ ...base, closedOn: '2080-02-29' }, 'mental_health')).toBe('2100-03-01');
    expect(candidate({ ...base, dateOfDeath: '2027-02-28' }, 'after_death')).toBe('2035-02-28');
    expect(addYears('2024-02-29', 8)).toBe('2032-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
  });

  it('adds 8 years after death as a rule of its own, which wins when it is the latest', () => {
    const out = retentionOutcome({ ...base, dateOfDeath: '2040-01-10' });
    expect(out.reviewDate).toBe('2048-01-10');
    expect(out.decidedBy).toBe('after_death');
  });

  it('never lets a recorded death bring the review date forward', () => {
    const out = retentionOutcome({ ...base, dateOfDeath: '2026-07-01' });
    expect(candidate({ ...base, dateOfDeath: '2026-07-01' }, 'after_death')).toBe('2034-07-01');
    expect(out.reviewDate).toBe('2046-06-01');
  });

  it('says when the date of birth is unknown and uses the latest birth the age at referral allows, with the 26th birthday', () => {
    expect(latestBirthFor('2020-02-29', 10)).toBe('2010-02-28');
    expect(ageOn('2010-02-28', '2020-02-29')).toBe(10);
    expect(ageOn('2010-03-01', '2020-02-29')).toBe(9);
    const facts = { ...base, dateOfBirth: null, referralDate: '2023-01-01', ageAtReferral: 3, closedOn: '2024-01-01' };
    const out = retentionOutcome(facts);
    expect(out.dateOfBirthUnknown).toBe(true);
    expect(out.reviewDate).toBe('2046-01-01');
    expect(out.candidates[0]?.because).toMatch(/date of birth not recorded/);
  });

  it('gives an unknown date of birth a date no earlier than any date of birth the age at referral allows', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 30 })
      .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 21 }),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 3000 }),
        (referral, age, back, after) => {
          // A true birth consistent with the age at referral: up to a year before the latest one.
          const latest = latestBirthFor(referral, age);
          const birth = new Date(Date.parse(`${latest}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
          fc.pre(ageOn(birth, referral) === age);
          const closedOn = new Date(Date.parse(`${referral}T00:00:00Z`) + after * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const facts = {
            dateOfBirth: null,
            closedOn,
            careEnded: 'closed' as const,
            dateOfDeath: null,
            referralDate: referral,
            ageAtReferral: age,
          };
          const unknown = retentionOutcome(facts).reviewDate as string;
          const known = retentionOutcome({ ...facts, dateOfBirth: birth }).reviewDate as string;
          expect(unknown >= known).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts a declined referral from the day it was declined, by the same rules, and says so', () => {
    // Referred at 14 on 15/01/2025, declined on 03/02/2025: no care was given.
    const declined = { ...base, closedOn: '2025-02-03', careEnded: 'declined' as const };
    const out = retentionOutcome(declined);
    expect(out.careEnded).toBe('declined');
    expect(out.reviewDate).toBe('2045-02-03');
    expect(out.decidedBy).toBe('mental_health');
    expect(out.ageAtDischarge).toBe(14);
    expect(out.candidates[0]?.because).toBe(
      'Mental-health records: 20 years after the referral was declined (03/02/2025): no care was given, so care ended that day.',
    );
    expect(candidate(declined, 'childrens_records')).toBe('2035-05-10');
    expect(out.candidates.find((c) => c.rule === 'childrens_records')?.because).toMatch(
      /25th birthday \(14 when the referral was declined\)/,
    );
    // The same dates as a case closed that day: declining is no shorter a retention.
    expect(retentionOutcome({ ...declined, careEnded: 'closed' }).reviewDate).toBe(out.reviewDate);
    // A very young child declined: the 25th birthday decides.
    const toddler = { ...declined, dateOfBirth: '2022-11-11', ageAtReferral: 2 };
    expect(retentionOutcome(toddler)).toMatchObject({ reviewDate: '2047-11-11', decidedBy: 'childrens_records' });
  });

  it('gives a case whose care has not ended no review date, whatever the other facts', () => {
    expect(retentionOutcome({ ...base, careEnded: null }).reviewDate).toBeNull();
    expect(retentionOutcome({ ...base, closedOn: null, careEnded: 'declined' }).reviewDate).toBeNull();
  });

  it('gives a case that is not closed (open, or reopened) no review date', () => {
    const out = retentionOutcome({ ...base, closedOn: null });
    expect(out.reviewDate).toBeNull();
    expect(out.candidates).toEqual([]);
  });
});
