/**
 * The care-experienced flag (disposal only after a documented check for the present review date)
 * and declined referrals (a review date from the day declined), through the router on a real
 * encrypted vault with two administrators.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../preload/contract/case-records';
import type { Page } from '../../../../preload/contract/paging';
import type { RetentionDetailView, RetentionItemView, TombstoneView } from '../../../../preload/contract/retention';
import { verifyAuditChain } from '../../../../main/core/vault/audit';
import { ADMIN_B, CLIN, caseWithRecords, closeCase, retentionWorld, type RetentionWorld } from './retention-fixture';

const CHECK = 'Leaving-care team asked: the person has not asked for the records and agrees to disposal.';

describe('care-experienced flag', () => {
  let w: RetentionWorld;
  let c: CaseDetail;
  beforeEach(async () => {
    w = await retentionWorld();
    c = await caseWithRecords(w, { givenName: 'Ivy', familyName: 'Looked-After', dateOfBirth: '1990-05-01' });
    await closeCase(w, c.id);
    w.clock.now = new Date('2026-12-02T10:00:00Z');
  });
  afterEach(() => w.dispose());

  const actions = () =>
    (
      w.core.manager
        .current()
        .db.prepare(`SELECT action FROM audit_log WHERE case_id = ? AND action LIKE 'retention.care%' ORDER BY seq`)
        .all(c.id) as { action: string }[]
    ).map((r) => r.action);

  it('stops a disposal on the review date until a check is recorded for that date, and shows it in the list', async () => {
    const set = await w.call<RetentionDetailView>('retention:setCareExperienced', {
      caseId: c.id,
      careExperienced: true,
      reason: 'Looked after by the local authority from age 9.',
    });
    expect(set).toMatchObject({ careExperienced: true, careCheck: null, due: true });
    const listed = await w.call<Page<RetentionItemView>>('retention:list', {});
    expect(listed.items[0]).toMatchObject({ caseId: c.id, careExperienced: true, careCheckNeeded: true });

    const propose = { caseId: c.id, reason: 'Review date passed; no hold.' };
    expect(await w.failCode('disposal:propose', propose)).toBe('CONFLICT');
    const checked = await w.call<RetentionDetailView>('retention:recordCareCheck', { caseId: c.id, note: CHECK });
    expect(checked.careCheck).toMatchObject({ note: CHECK, checkedByName: 'Ada Admin', forReviewDate: '2020-01-10' });
    expect((await w.call<Page<RetentionItemView>>('retention:list', {})).items[0]?.careCheckNeeded).toBe(false);

    await w.call('disposal:propose', propose);
    await w.signInAs(ADMIN_B);
    const tomb = await w.call<TombstoneView>('disposal:approve', { caseId: c.id, password: ADMIN_B.password });
    expect(tomb.reference).toBe(c.reference);
    expect(verifyAuditChain(w.core.manager.current().db).ok).toBe(true);
  });

  it('withdraws a waiting proposal when set, voids the check when the review date changes, and audits each change', async () => {
    await w.call('disposal:propose', { caseId: c.id, reason: 'Review date passed.' });
    const set = await w.call<RetentionDetailView>('retention:setCareExperienced', {
      caseId: c.id,
      careExperienced: true,
      reason: 'Care leaver.',
    });
    expect(set.proposal).toBeNull();
    await w.call('retention:recordCareCheck', { caseId: c.id, note: CHECK });
    // A date of death on 01/01/2019 moves the review date to 01/01/2027 (8 years after): the check was for another date.
    const moved = await w.call<RetentionDetailView>('retention:setDateOfDeath', {
      caseId: c.id,
      dateOfDeath: '2019-01-01',
    });
    expect(moved).toMatchObject({ reviewDate: '2027-01-01', careCheck: null, due: false });
    expect(await w.failCode('retention:recordCareCheck', { caseId: c.id, note: CHECK })).toBe('CONFLICT');
    // Back to the ordinary date: the old check was for 2020-01-10 and counts again only for it.
    const back = await w.call<RetentionDetailView>('retention:setDateOfDeath', { caseId: c.id, dateOfDeath: null });
    expect(back.careCheck?.forReviewDate).toBe('2020-01-10');

    const cleared = await w.call<RetentionDetailView>('retention:setCareExperienced', {
      caseId: c.id,
      careExperienced: false,
      reason: 'Recorded on the wrong case.',
    });
    expect(cleared).toMatchObject({ careExperienced: false, careCheck: null });
    expect(
      await w.failCode('retention:setCareExperienced', { caseId: c.id, careExperienced: false, reason: 'Again.' }),
    ).toBe('CONFLICT');
    expect(await w.failCode('retention:recordCareCheck', { caseId: c.id, note: CHECK })).toBe('CONFLICT');
    expect(actions()).toEqual([
      'retention.care_experienced_set',
      'retention.care_check',
      'retention.care_experienced_clear',
    ]);
  });

  it('is for administrators only, and needs a reason', async () => {
    expect(
      await w.failCode('retention:setCareExperienced', { caseId: c.id, careExperienced: true, reason: '  ' }),
    ).toBe('INVALID_INPUT');
    await w.signInAs(CLIN);
    expect(
      await w.failCode('retention:setCareExperienced', { caseId: c.id, careExperienced: true, reason: 'Care leaver.' }),
    ).toBe('FORBIDDEN');
    expect(await w.failCode('retention:recordCareCheck', { caseId: c.id, note: CHECK })).toBe('FORBIDDEN');
  });
});

describe('declined referrals', () => {
  let w: RetentionWorld;
  afterEach(() => w.dispose());

  it('get a review date 20 years from the day they were declined, say why, and can be disposed of then', async () => {
    w = await retentionWorld('2003-04-01T10:00:00Z');
    const c = await caseWithRecords(w, { givenName: 'Dora', familyName: 'Declined', dateOfBirth: '1990-05-01' });
    w.clock.now = new Date('2003-04-08T10:00:00Z');
    await w.call('case:setStatus', {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'declined',
      reason: 'Not harmful sexual behaviour: signposted to CAMHS.',
      closingSummary: null,
    });
    w.clock.now = new Date('2026-12-02T10:00:00Z');
    const detail = await w.call<RetentionDetailView>('retention:get', { caseId: c.id });
    expect(detail).toMatchObject({
      careEnded: 'declined',
      closedOn: '2003-04-08',
      reviewDate: '2023-04-08',
      due: true,
    });
    expect(detail.candidates[0]?.because).toMatch(/20 years after the referral was declined \(08\/04\/2003\)/);
    const list = await w.call<Page<RetentionItemView>>('retention:list', {});
    expect(list.items).toEqual([
      expect.objectContaining({ caseId: c.id, careEnded: 'declined', closedOn: '2003-04-08' }),
    ]);

    await w.call('disposal:propose', { caseId: c.id, reason: 'Declined referral past its review date.' });
    await w.signInAs(ADMIN_B);
    const tomb = await w.call<TombstoneView>('disposal:approve', { caseId: c.id, password: ADMIN_B.password });
    expect(tomb).toMatchObject({ closedOn: '2003-04-08', reviewDate: '2023-04-08' });
  });

  it('lose the review date when the referral is reopened', async () => {
    w = await retentionWorld('2003-04-01T10:00:00Z');
    const c = await caseWithRecords(w, { givenName: 'Rhys', familyName: 'Reopened', dateOfBirth: '1990-05-01' });
    const declined = await w.call<CaseDetail>('case:setStatus', {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'declined',
      reason: 'Insufficient information.',
      closingSummary: null,
    });
    w.clock.now = new Date('2026-12-02T10:00:00Z');
    expect((await w.call<Page<RetentionItemView>>('retention:list', {})).total).toBe(1);
    await w.call('case:setStatus', {
      caseId: c.id,
      expectedVersion: declined.version,
      status: 'referred',
      reason: 'More information arrived.',
      closingSummary: null,
    });
    expect((await w.call<Page<RetentionItemView>>('retention:list', {})).total).toBe(0);
    expect(await w.call<RetentionDetailView>('retention:get', { caseId: c.id })).toMatchObject({
      reviewDate: null,
      careEnded: null,
    });
  });
});
