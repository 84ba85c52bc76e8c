/** The age rule both sides import (preload/contract/age.ts): the core's refusal and the form's check. */
import { describe, expect, it } from 'vitest';
import { MAX_AGE_AT_REFERRAL, ageLimitMessage, ageOn, withinAgeLimit } from '../../../../preload/contract/age';

describe('ageOn (whole years, UK birthday rule)', () => {
  it('counts a birthday only once it is reached', () => {
    expect(ageOn('2010-03-27', '2025-03-26')).toBe(14);
    expect(ageOn('2010-03-27', '2025-03-27')).toBe(15);
    expect(ageOn('2010-03-27', '2025-12-31')).toBe(15);
    expect(ageOn('2010-12-31', '2011-01-01')).toBe(0);
    expect(ageOn('2010-03-27', '2010-03-27')).toBe(0);
  });

  it('gives someone born on 29 February their birthday on 1 March outside leap years', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    // In a leap year the birthday is the day itself.
    expect(ageOn('2004-02-29', '2024-02-28')).toBe(19);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('reaches 22 on the 22nd birthday and not the day before', () => {
    expect(ageOn('2004-06-01', '2026-05-31')).toBe(21);
    expect(ageOn('2004-06-01', '2026-06-01')).toBe(22);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
  });
});

describe('the age limit at referral', () => {
  it('takes young people up to and including 21', () => {
    expect(MAX_AGE_AT_REFERRAL).toBe(21);
    expect(withinAgeLimit(0)).toBe(true);
    expect(withinAgeLimit(21)).toBe(true);
    expect(withinAgeLimit(22)).toBe(false);
    expect(withinAgeLimit(ageOn('2004-06-01', '2026-05-31'))).toBe(true);
    expect(withinAgeLimit(ageOn('2004-06-01', '2026-06-01'))).toBe(false);
  });

  it('says why in UK English, with the dates as dd/mm/yyyy', () => {
    expect(ageLimitMessage(22, '2004-06-01', '2026-06-01')).toBe(
      'The service works with young people up to 21. This young person (born 01/06/2004) was 22 on the referral date (01/06/2026), so the referral cannot be accepted.',
    );
    expect(ageLimitMessage(23, null, '2026-01-05')).toBe(
      'The service works with young people up to 21. This young person was 23 on the referral date (05/01/2026), so the referral cannot be accepted.',
    );
  });
});
