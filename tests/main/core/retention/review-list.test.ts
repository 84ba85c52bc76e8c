/** The administrators' review list, the detail of one case, and who may use them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from '../../../../preload/contract/paging';
import type { RetentionDetailView, RetentionItemView } from '../../../../preload/contract/retention';
import { CLIN, closeCase, retentionWorld, type RetentionWorld } from './retention-fixture';
import type { CaseDetail } from '../../../../preload/contract/case-records';

async function closedCaseOn(
  w: RetentionWorld,
  day: string,
  dateOfBirth: string | null,
  age?: number,
): Promise<CaseDetail> {
  w.clock.now = new Date(`${day}T10:00:00Z`);
  const c = await w.call<CaseDetail>('case:create', {
    referralDate: day,
    // Only a consultation-only case may go without a date of birth (minimal identity).
    consultationOnly: dateOfBirth === null,
    youngPerson: {
      givenName: 'Test',
      familyName: `Person${day}`,
      dateOfBirth,
      ...(age === undefined ? {} : { ageAtReferral: age }),
    },
  });
  return closeCase(w, c.id);
}

describe('retention review list', () => {
  let w: RetentionWorld;
  beforeEach(async () => {
    w = await retentionWorld();
  });
  afterEach(() => w.dispose());

  it('lists closed cases due now or within N months, by review date, paged, with hold status', async () => {
    const early = await closedCaseOn(w, '2000-03-01', '1990-01-01');
    const later = await closedCaseOn(w, '2001-06-15', '1991-01-01');
    const future = await closedCaseOn(w, '2010-01-01', '2000-01-01');
    w.clock.now = new Date('2026-12-02T10:00:00Z');
    const open = await w.call<CaseDetail>('case:create', {
      referralDate: '2026-12-01',
      youngPerson: { givenName: 'Open', familyName: 'Case', dateOfBirth: '2012-01-01' },
    });
    await w.call('legalHold:set', { caseId: later.id, reason: 'Inquiry.' });

    const page = await w.call<Page<RetentionItemView>>('retention:list', { withinMonths: 0 });
    expect(page.items.map((i) => i.caseId)).toEqual([early.id, later.id]);
    expect(page.items[0]).toMatchObject({
      reviewDate: '2020-03-01',
      closedOn: '2000-03-01',
      due: true,
      legalHold: false,
    });
    expect(page.items[1]).toMatchObject({ reviewDate: '2021-06-15', legalHold: true, holdReason: 'Inquiry.' });
    const desc = await w.call<Page<RetentionItemView>>('retention:list', { withinMonths: 0, order: 'desc', limit: 1 });
    expect(desc).toMatchObject({ total: 2, limit: 1 });
    expect(desc.items.map((i) => i.caseId)).toEqual([later.id]);
    const second = await w.call<Page<RetentionItemView>>('retention:list', { withinMonths: 0, offset: 1, limit: 1 });
    expect(second.items.map((i) => i.caseId)).toEqual([later.id]);
    // Within 120 months (to 02/12/2036) the case due in 2030 joins them, not yet due.
    const ahead = await w.call<Page<RetentionItemView>>('retention:list', { withinMonths: 120 });
    expect(ahead.items.map((i) => i.caseId)).toEqual([early.id, later.id, future.id]);
    expect(ahead.items[2]).toMatchObject({ reviewDate: '2030-01-01', due: false });
    expect(ahead.items.some((i) => i.caseId === open.id)).toBe(false);
  });

  it('follows a reopening and a new closure, and a date of death that lengthens retention', async () => {
    const c = await closedCaseOn(w, '2000-03-01', '1990-01-01');
    w.clock.now = new Date('2026-12-02T10:00:00Z');
    expect((await w.call<Page<RetentionItemView>>('retention:list', {})).total).toBe(1);
    const withDeath = await w.call<RetentionDetailView>('retention:setDateOfDeath', {
      caseId: c.id,
      dateOfDeath: '2019-05-05',
    });
    expect(withDeath).toMatchObject({ reviewDate: '2027-05-05', dateOfDeath: '2019-05-05', due: false });
    expect(withDeath.candidates[0]?.rule).toBe('after_death');
    expect(await w.failCode('retention:setDateOfDeath', { caseId: c.id, dateOfDeath: '2030-01-01' })).toBe(
      'INVALID_INPUT',
    );
    await w.call('retention:setDateOfDeath', { caseId: c.id, dateOfDeath: null });
    const reopened = await w.call<CaseDetail>('case:setStatus', {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'referred',
      reason: 'Back.',
    });
    expect((await w.call<Page<RetentionItemView>>('retention:list', {})).total).toBe(0);
    await closeCase(w, reopened.id);
    const detail = await w.call<RetentionDetailView>('retention:get', { caseId: c.id });
    expect(detail).toMatchObject({ closedOn: '2026-12-02', reviewDate: '2046-12-02', due: false });
  });

  it('says when the date of birth is unknown, and uses the conservative date', async () => {
    const c = await closedCaseOn(w, '2000-03-01', null, 3);
    w.clock.now = new Date('2026-12-02T10:00:00Z');
    const detail = await w.call<RetentionDetailView>('retention:get', { caseId: c.id });
    expect(detail).toMatchObject({ dateOfBirthUnknown: true, reviewDate: '2023-03-01' });
    expect(detail.candidates[0]).toMatchObject({ rule: 'childrens_records', date: '2023-03-01' });
  });

  it('audits each read of a case and each list', async () => {
    const c = await closedCaseOn(w, '2000-03-01', '1990-01-01');
    await w.call('retention:get', { caseId: c.id });
    await w.call('retention:list', {});
    const db = w.core.manager.current().db;
    const rows = db.prepare("SELECT action, case_id FROM audit_log WHERE action LIKE 'retention.%' ORDER BY seq").all();
    expect(rows).toEqual([
      { action: 'retention.read', case_id: c.id },
      { action: 'retention.list', case_id: null },
    ]);
  });

  it('is for administrators only, and validates its input', async () => {
    const c = await closedCaseOn(w, '2000-03-01', '1990-01-01');
    expect(await w.failCode('retention:list', { withinMonths: 500 })).toBe('INVALID_INPUT');
    expect(await w.failCode('legalHold:set', { caseId: c.id, reason: '   ' })).toBe('INVALID_INPUT');
    expect(await w.failCode('retention:get', { caseId: 'not-a-uuid' })).toBe('INVALID_INPUT');
    await w.signInAs(CLIN);
    for (const [channel, input] of [
      ['retention:list', {}],
      ['retention:get', { caseId: c.id }],
      ['legalHold:set', { caseId: c.id, reason: 'x' }],
      ['disposal:propose', { caseId: c.id, reason: 'x' }],
      ['disposal:approve', { caseId: c.id, password: 'clinician password 1' }],
      ['tombstone:list', {}],
    ] as const) {
      expect(await w.failCode(channel, input), channel).toBe('FORBIDDEN');
    }
  });
});
