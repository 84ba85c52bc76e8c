import { describe, expect, it } from 'vitest';
import { youngPersonSchema } from '../../../../preload/contract/case-records';
import {
  addDays,
  ageOn,
  assessmentDueDate,
  clockStatus,
  localDate,
  parseUserDate,
} from '../../../../main/core/cases/dates';
import { phoneticKey, searchKey, initialsOf } from '../../../../main/core/cases/phonetic';
import { checkTransition, checkYoungPerson } from '../../../../main/core/cases/rules';
import { AppError } from '../../../../main/core/errors';

const yp = (over: Record<string, unknown>) =>
  youngPersonSchema.parse({ givenName: 'Sam', familyName: 'Reed', ...over });

describe('age at referral', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2004-06-01', '2025-05-31')).toBe(20);
    expect(ageOn('2004-06-01', '2025-06-01')).toBe(21);
  });

  it('accepts a 21-year-old up to the day before their 22nd birthday, and refuses from that day', () => {
    expect(checkYoungPerson(yp({ dateOfBirth: '2003-06-02' }), '2025-06-01', false)).toBe(21);
    expect(() => checkYoungPerson(yp({ dateOfBirth: '2003-06-01' }), '2025-06-01', false)).toThrow(
      /up to 21.*was 22 on the referral date \(01\/06\/2025\)/,
    );
  });

  it('treats a 29 February birthday as 1 March in other years', () => {
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
    expect(checkYoungPerson(yp({ dateOfBirth: '2004-02-29' }), '2026-02-28', false)).toBe(21);
    expect(() => checkYoungPerson(yp({ dateOfBirth: '2004-02-29' }), '2026-03-01', false)).toThrow(AppError);
  });

  it('refuses a date of birth after the referral date', () => {
    expect(() => checkYoungPerson(yp({ dateOfBirth: '2025-07-01' }), '2025-06-01', false)).toThrow(
      /after the referral/,
    );
  });

  it('needs names unless the case is consultation-only, where initials and an age will do', () => {
    expect(() => checkYoungPerson(yp({ givenName: null, dateOfBirth: '2010-01-01' }), '2025-06-01', false)).toThrow(
      /given and family names/,
    );
    const minimal = youngPersonSchema.parse({ initials: 'JB', ageAtReferral: 15 });
    expect(checkYoungPerson(minimal, '2025-06-01', true)).toBe(15);
    expect(() => checkYoungPerson(youngPersonSchema.parse({ initials: 'JB' }), '2025-06-01', true)).toThrow(
      /date of birth or their age/,
    );
    expect(() => checkYoungPerson(youngPersonSchema.parse({ ageAtReferral: 12 }), '2025-06-01', true)).toThrow(
      /initials/,
    );
  });
});

describe('12-week assessment clock', () => {
  it('is 84 calendar days, weekends included', () => {
    // A Friday: the due date is also a Friday, twelve weeks on, not moved off weekends.
    expect(assessmentDueDate('2025-01-03')).toBe('2025-03-28');
    expect(assessmentDueDate('2025-01-04')).toBe('2025-03-29'); // Saturday -> Saturday
  });

  it('crosses leap days and year ends correctly', () => {
    expect(assessmentDueDate('2024-02-29')).toBe('2024-05-23');
    expect(assessmentDueDate('2023-12-10')).toBe('2024-03-03'); // across 29/02/2024
    expect(assessmentDueDate('2022-12-10')).toBe('2023-03-04'); // no leap day
    expect(assessmentDueDate('2024-10-15')).toBe('2025-01-07'); // year end
    expect(assessmentDueDate('2025-03-01')).toBe('2025-05-24'); // across the BST change (30/03)
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('reports status with clear boundaries', () => {
    const due = '2025-06-30';
    expect(clockStatus(null, null, '2025-06-01')).toEqual({ status: 'not_started', daysRemaining: null });
    expect(clockStatus(due, null, '2025-06-15').status).toBe('on_track'); // 15 days left
    expect(clockStatus(due, null, '2025-06-16')).toEqual({ status: 'due_soon', daysRemaining: 14 });
    expect(clockStatus(due, null, '2025-06-30')).toEqual({ status: 'due_soon', daysRemaining: 0 });
    expect(clockStatus(due, null, '2025-07-01')).toEqual({ status: 'overdue', daysRemaining: -1 });
    expect(clockStatus(due, '2025-07-10', '2025-08-01').status).toBe('complete');
  });

  it('takes today from the clock in England, not UTC', () => {
    expect(localDate(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01'); // BST
    expect(localDate(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31'); // GMT
  });
});

describe('dates typed by users', () => {
  it('accepts dd/mm/yyyy and ISO, refuses dates that do not exist', () => {
    expect(parseUserDate('14/03/2010')).toBe('2010-03-14');
    expect(parseUserDate('4/3/2010')).toBe('2010-03-04');
    expect(parseUserDate('2010-03-14')).toBe('2010-03-14');
    expect(parseUserDate('29/02/2023')).toBeNull();
    expect(parseUserDate('29/02/2024')).toBe('2024-02-29');
    expect(parseUserDate('Smith')).toBeNull();
  });
});

describe('name keys', () => {
  it('match names that sound alike', () => {
    const same = [
      ['Catherine', 'Kathryn'],
      ['Mohammed', 'Muhammad'],
      ['Jon', 'John'],
      ['Philip', 'Filip'],
      ['Smith', 'Smyth'],
      ['Stephen', 'Steven'],
      ['Niamh', 'Neve'],
      ['Siobhan', 'Shevaun'],
    ];
    for (const [a, b] of same) expect(phoneticKey(a), `${a} ~ ${b}`).toBe(phoneticKey(b));
  });

  it('keep different names apart', () => {
    expect(phoneticKey('Hughes')).not.toBe(phoneticKey('Jones'));
    expect(phoneticKey('Amelia')).not.toBe(phoneticKey('Oliver'));
    expect(phoneticKey(null)).toBe('');
  });

  it('search keys ignore case and accents; initials come from the names', () => {
    expect(searchKey('  Ó’Brien-SMITH ')).toBe('obrien-smith');
    expect(searchKey('Zoë')).toBe('zoe');
    expect(initialsOf('Amelia', 'Hughes')).toBe('AH');
  });
});

describe('status workflow', () => {
  it('allows the documented moves only', () => {
    expect(() => checkTransition('referred', 'accepted', null, null)).not.toThrow();
    expect(() => checkTransition('accepted', 'active', null, null)).not.toThrow();
    expect(() => checkTransition('referred', 'active', null, null)).toThrow(/cannot become active/);
    expect(() => checkTransition('active', 'referred', 'x', null)).toThrow();
    expect(() => checkTransition('closed', 'active', 'x', null)).toThrow();
  });

  it('needs a reason to decline and a reason and summary to close or reopen', () => {
    expect(() => checkTransition('referred', 'declined', null, null)).toThrow(/reason for declining/);
    expect(() => checkTransition('active', 'closed', 'Completed', null)).toThrow(/closing summary/);
    expect(() => checkTransition('active', 'closed', null, 'Summary')).toThrow(/reason for closing/);
    expect(() => checkTransition('active', 'closed', 'Completed', 'Summary')).not.toThrow();
    expect(() => checkTransition('declined', 'referred', null, null)).toThrow(/reopening/);
    expect(() => checkTransition('closed', 'referred', 'Re-referred by social care', null)).not.toThrow();
  });
});
