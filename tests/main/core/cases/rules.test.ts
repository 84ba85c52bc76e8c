import { describe, expect, it } from 'vitest';
import { youngPersonSchema, type ClockReading } from '../../../../preload/contract/case-records';
import { ageOn } from '../../../../preload/contract/age';
import {
  addDays,
  assessmentDueDate,
  assessmentApplies,
  readClock,
  type ClockFacts,
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
    const open = (dueDate: string | null, completedDate: string | null, today: string) =>
      readClock({ caseStatus: 'active', assessmentApplies: true, dueDate, completedDate }, today);
    expect(open(null, null, '2025-06-01').status).toBe('not_started');
    expect(open(due, null, '2025-06-15')).toMatchObject({ status: 'on_track', daysRemaining: 15 });
    expect(open(due, null, '2025-06-16')).toMatchObject({ status: 'due_soon', daysRemaining: 14 });
    expect(open(due, null, '2025-06-30')).toMatchObject({ status: 'due_soon', daysRemaining: 0 });
    expect(open(due, null, '2025-07-01')).toMatchObject({ status: 'overdue', daysRemaining: -1 });
    expect(open(due, '2025-07-10', '2025-08-01').status).toBe('complete');
  });

  // Paperwork complete on 2025-04-07 (a Monday): due 2025-06-30.
  const due = '2025-06-30';
  const none = { daysRemaining: null, week: null, completedInDays: null, completedOnTime: null };
  const CASES: [string, Partial<ClockFacts>, string, ClockReading][] = [
    [
      'referred, awaiting paperwork',
      { caseStatus: 'referred', dueDate: null },
      '2025-05-01',
      { status: 'not_started', ...none },
    ],
    [
      'running, day 0: week 1',
      { dueDate: due },
      '2025-04-07',
      { status: 'on_track', ...none, daysRemaining: 84, week: 1 },
    ],
    [
      'running, day 7: week 2',
      { dueDate: due },
      '2025-04-14',
      { status: 'on_track', ...none, daysRemaining: 77, week: 2 },
    ],
    [
      'running, day 69: week 10',
      { dueDate: due },
      '2025-06-15',
      { status: 'on_track', ...none, daysRemaining: 15, week: 10 },
    ],
    [
      'due soon, 14 days left',
      { dueDate: due },
      '2025-06-16',
      { status: 'due_soon', ...none, daysRemaining: 14, week: 11 },
    ],
    [
      'due soon, due today: week 12',
      { dueDate: due },
      '2025-06-30',
      { status: 'due_soon', ...none, daysRemaining: 0, week: 12 },
    ],
    ['overdue by 10 days', { dueDate: due }, '2025-07-10', { status: 'overdue', ...none, daysRemaining: -10 }],
    [
      'completed on time',
      { dueDate: due, completedDate: '2025-06-20' },
      '2025-08-01',
      { status: 'complete', ...none, completedInDays: 74, completedOnTime: true },
    ],
    [
      'completed on the due date',
      { dueDate: due, completedDate: due },
      '2025-08-01',
      { status: 'complete', ...none, completedInDays: 84, completedOnTime: true },
    ],
    [
      'completed late',
      { dueDate: due, completedDate: '2025-07-09' },
      '2025-08-01',
      { status: 'complete', ...none, completedInDays: 93, completedOnTime: false },
    ],
    [
      'completed without a due date',
      { dueDate: null, completedDate: '2025-07-09' },
      '2025-08-01',
      { status: 'complete', ...none },
    ],
    [
      'closed with a completed date',
      { caseStatus: 'closed', dueDate: due, completedDate: '2025-06-20' },
      '2025-09-01',
      { status: 'complete', ...none, completedInDays: 74, completedOnTime: true },
    ],
    [
      'closed, past the due date, never assessed',
      { caseStatus: 'closed', dueDate: due },
      '2025-09-01',
      { status: 'not_assessed', ...none },
    ],
    [
      'closed before the paperwork came',
      { caseStatus: 'closed', dueDate: null },
      '2025-09-01',
      { status: 'not_assessed', ...none },
    ],
    ['declined', { caseStatus: 'declined', dueDate: null }, '2025-09-01', { status: 'none', ...none }],
    [
      'declined after the paperwork came',
      { caseStatus: 'declined', dueDate: due },
      '2025-09-01',
      { status: 'none', ...none },
    ],
    [
      'consultation only, past a due date',
      { assessmentApplies: false, dueDate: due },
      '2025-09-01',
      { status: 'none', ...none },
    ],
    [
      'no assessment among the services',
      { assessmentApplies: false, dueDate: null },
      '2025-05-01',
      { status: 'none', ...none },
    ],
  ];

  it.each(CASES)('follows the case: %s', (_name, facts, today, expected) => {
    const full: ClockFacts = {
      caseStatus: 'active',
      assessmentApplies: true,
      dueDate: null,
      completedDate: null,
      ...facts,
    };
    expect(readClock(full, today)).toEqual(expected);
  });

  it('applies only when an assessment is asked for or given, and never to consultation only', () => {
    expect(assessmentApplies(false, ['assessment', 'safe_home'])).toBe(true);
    expect(assessmentApplies(false, ['safe_home', 'intervention'])).toBe(false);
    expect(assessmentApplies(false, ['attachment_assessment'])).toBe(false);
    expect(assessmentApplies(true, ['consultation', 'assessment'])).toBe(false);
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
