import { describe, expect, it } from 'vitest';
import {
  checkUkDate,
  explainBadUkDate,
  isoToUk,
  localDateTimeIso,
  parseTime,
  parseUkDate,
  todayUk,
} from '../../../renderer/features/cases/case-page/uk-date';

describe('parseUkDate (dd/mm/yyyy)', () => {
  it('reads day first, with or without leading zeros', () => {
    expect(parseUkDate('04/03/2025')).toBe('2025-03-04');
    expect(parseUkDate('4/3/2025')).toBe('2025-03-04');
    expect(parseUkDate('31/12/2025')).toBe('2025-12-31');
    expect(parseUkDate('01/01/2000')).toBe('2000-01-01');
  });

  it('accepts dots and dashes as separators, as people type them', () => {
    expect(parseUkDate('04.03.2025')).toBe('2025-03-04');
    expect(parseUkDate('04-03-2025')).toBe('2025-03-04');
  });

  it('ignores spaces around the date but not inside it', () => {
    expect(parseUkDate('  04/03/2025 ')).toBe('2025-03-04');
    expect(parseUkDate('\t04/03/2025\n')).toBe('2025-03-04');
    expect(parseUkDate('04 / 03 / 2025')).toBeNull();
  });

  it('refuses dates that do not exist', () => {
    expect(parseUkDate('31/02/2025')).toBeNull();
    expect(parseUkDate('30/02/2024')).toBeNull();
    expect(parseUkDate('31/04/2025')).toBeNull();
    expect(parseUkDate('00/01/2025')).toBeNull();
    expect(parseUkDate('01/00/2025')).toBeNull();
    expect(parseUkDate('01/13/2025')).toBeNull();
    expect(parseUkDate('32/01/2025')).toBeNull();
  });

  it('knows leap years: 29/02 only in a leap year (and 2000 was one, 1900 was not)', () => {
    expect(parseUkDate('29/02/2024')).toBe('2024-02-29');
    expect(parseUkDate('29/02/2025')).toBeNull();
    expect(parseUkDate('29/02/2000')).toBe('2000-02-29');
    expect(parseUkDate('29/02/1900')).toBeNull();
  });

  it('does not read US order: 03/25/2025 is refused, not taken as 25 March', () => {
    expect(parseUkDate('03/25/2025')).toBeNull();
  });

  it('refuses two-digit years rather than guessing the century', () => {
    expect(parseUkDate('04/03/25')).toBeNull();
    expect(parseUkDate('04/03/025')).toBeNull();
    // A four-digit year below 100 is not a real date of birth or referral either.
    expect(parseUkDate('04/03/0025')).toBeNull();
  });

  it('refuses other shapes: ISO, words, empty, extra text', () => {
    expect(parseUkDate('2025-03-04')).toBeNull();
    expect(parseUkDate('4 March 2025')).toBeNull();
    expect(parseUkDate('')).toBeNull();
    expect(parseUkDate('04/03/2025x')).toBeNull();
    expect(parseUkDate('004/03/2025')).toBeNull();
  });
});

describe('checkUkDate', () => {
  it('asks for a required date, allows an optional one to be empty', () => {
    expect(checkUkDate('', 'referral date', true)).toBe('Enter the referral date.');
    expect(checkUkDate('   ', 'due date', false)).toBeNull();
  });

  it('says a well-shaped date does not exist, and why, rather than repeating the format', () => {
    expect(checkUkDate('31/02/2011', 'due date', false)).toBe(
      '31/02/2011 is not a real date: February 2011 has 28 days.',
    );
    expect(checkUkDate('30/02/2024', 'due date', true)).toBe(
      '30/02/2024 is not a real date: February 2024 has 29 days.',
    );
    expect(checkUkDate('29/02/2024', 'due date', true)).toBeNull();
  });

  it('keeps the format hint for text that is not shaped like a date', () => {
    expect(checkUkDate('31st Feb', 'due date', false)).toBe(
      'Enter the due date as dd/mm/yyyy, for example 04/03/2025.',
    );
    expect(checkUkDate('04/03/25', 'due date', false)).toBe(
      'Enter the due date as dd/mm/yyyy, for example 04/03/2025.',
    );
  });
});

describe('explainBadUkDate', () => {
  it('names the month and its length for a day past the end of it', () => {
    expect(explainBadUkDate('31/04/2011', 'date')).toBe('31/04/2011 is not a real date: April has 30 days.');
    expect(explainBadUkDate('32/01/2025', 'date')).toBe('32/01/2025 is not a real date: January has 31 days.');
    expect(explainBadUkDate('31/11/2025', 'date')).toBe('31/11/2025 is not a real date: November has 30 days.');
  });

  it('knows February 29 only in leap years (1900 was not one, 2000 was)', () => {
    expect(explainBadUkDate('29/02/2025', 'date')).toBe('29/02/2025 is not a real date: February 2025 has 28 days.');
    expect(explainBadUkDate('29/02/1900', 'date')).toBe('29/02/1900 is not a real date: February 1900 has 28 days.');
    expect(explainBadUkDate('30/02/2000', 'date')).toBe('30/02/2000 is not a real date: February 2000 has 29 days.');
  });

  it('explains month 13 and month 00, and suggests day first for an American-looking date', () => {
    expect(explainBadUkDate('01/13/2011', 'date')).toBe(
      '01/13/2011 is not a real date: there are only 12 months. Dates are day first: dd/mm/yyyy.',
    );
    expect(explainBadUkDate('25/13/2011', 'date')).toBe('25/13/2011 is not a real date: there are only 12 months.');
    expect(explainBadUkDate('15/00/2011', 'date')).toBe('15/00/2011 is not a real date: there are only 12 months.');
    expect(explainBadUkDate('00/03/2011', 'date')).toBe(
      '00/03/2011 is not a real date: the first day of a month is 01.',
    );
  });

  it('echoes the date as typed (trimmed, any separator) and keeps the hint for other shapes', () => {
    expect(explainBadUkDate('  31.02.2011 ', 'date')).toBe('31.02.2011 is not a real date: February 2011 has 28 days.');
    expect(explainBadUkDate('2011-02-31', 'referral date')).toBe(
      'Enter the referral date as dd/mm/yyyy, for example 04/03/2025.',
    );
    expect(explainBadUkDate('', 'date of birth', '27/03/2010')).toBe(
      'Enter the date of birth as dd/mm/yyyy, for example 27/03/2010.',
    );
    expect(explainBadUkDate('04/03/0025', 'date of birth', '27/03/2010')).toBe(
      '04/03/0025 is not a real date: the year 0025 is too early. Enter the year in full, for example 2010.',
    );
  });

  it('explains every date parseUkDate refuses, and never calls a real date unreal', () => {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= 31; day++) {
        const text = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2023`;
        const message = explainBadUkDate(text, 'date');
        if (parseUkDate(text)) expect(message).toMatch(/^Enter the date as/);
        else expect(message).toMatch(/^\d\d\/\d\d\/2023 is not a real date: (\w+|February 2023) has (28|30) days\.$/);
      }
    }
  });
});

describe('isoToUk and todayUk', () => {
  it('shows ISO dates as dd/mm/yyyy, empty for nothing', () => {
    expect(isoToUk('2024-02-29')).toBe('29/02/2024');
    expect(isoToUk('2025-03-04T10:00:00Z')).toBe('04/03/2025');
    expect(isoToUk(null)).toBe('');
    expect(isoToUk(undefined)).toBe('');
    expect(isoToUk('not a date')).toBe('');
  });

  it('round-trips with parseUkDate', () => {
    for (const iso of ['2024-02-29', '2025-12-31', '2012-05-01']) expect(parseUkDate(isoToUk(iso))).toBe(iso);
  });

  it('gives today in the laptop time zone with leading zeros', () => {
    expect(todayUk(new Date(2025, 2, 4, 23, 59))).toBe('04/03/2025');
  });
});

describe('parseTime and localDateTimeIso', () => {
  it('reads 24-hour times and refuses impossible ones', () => {
    expect(parseTime('14:05')).toEqual([14, 5]);
    expect(parseTime(' 9.30 ')).toEqual([9, 30]);
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
    expect(parseTime('1205')).toBeNull();
  });

  it('gives an ISO date-time with the local offset for the same wall-clock time', () => {
    const iso = localDateTimeIso('2025-03-04', [14, 5]);
    expect(iso).toMatch(/^2025-03-04T14:05:00[+-]\d{2}:\d{2}$/);
    const back = new Date(iso);
    expect([back.getFullYear(), back.getMonth(), back.getDate(), back.getHours(), back.getMinutes()]).toEqual([
      2025, 2, 4, 14, 5,
    ]);
  });
});
