/**
 * Correcting and removing psychometric administrations through the router on a real encrypted
 * vault: a correction re-bands from the administration's own copy of the scales (not today's
 * catalogue), the same checks as recording, `expectedVersion`, the audit rows (fields and what
 * it was, never scores), the chronology following, router validation, who may do it, and the
 * refusal once the case's assessment report is signed off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdministrationView, ChronologyPage, InstrumentView, PersonView } from '../../../../preload/contract';
import { RECOMMENDATION_GROUPS } from '../../../../preload/contract/assessment-records';
import { addRecommendation } from '../../../../main/core/assessments/assessment-content.service';
import { signOffAssessment } from '../../../../main/core/assessments/assessment-signoff.service';
import { getAssessment, openAssessment, updateAssessment } from '../../../../main/core/assessments/assessments.service';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { laptop, type Laptop } from '../bundles/app-fixtures';
import { assessmentCase } from '../assessments/fixtures';
import { tempDirs } from '../temp-vault';
import { withoutIds } from './audit-text';

const dirs = tempDirs('ncats-psychometrics-corrections-');
let l: Laptop;
let vault: OpenVault;
let caseId: string;
let carers: PersonView[];

const SDQ_BANDS = [
  { from: 0, to: 13, label: 'close to average' },
  { from: 14, to: 16, label: 'slightly raised' },
  { from: 17, to: 19, label: 'high' },
  { from: 20, to: 40, label: 'very high' },
];

async function sdqCarer(): Promise<InstrumentView> {
  const all = await l.call<InstrumentView[]>('psychometrics:listInstruments', {});
  return all.find((i) => i.name === 'SDQ' && i.respondent === 'carer') as InstrumentView;
}

async function setTotalBands(bands: typeof SDQ_BANDS): Promise<void> {
  const i = await sdqCarer();
  await l.call('psychometrics:updateInstrument', {
    instrumentId: i.id,
    expectedVersion: i.recordVersion,
    instrument: {
      name: i.name,
      respondent: i.respondent,
      version: i.version,
      scales: i.scales.map((s) => (s.key === 'total' ? { ...s, bands } : s)),
    },
  });
}

async function recordSdq(total: number): Promise<AdministrationView> {
  return l.call<AdministrationView>('psychometrics:record', {
    caseId,
    administration: {
      administeredOn: '2025-05-20',
      instrumentId: (await sdqCarer()).id,
      respondentPersonId: carers[0]?.id,
      administeredBy: vault.user.id,
      scores: [
        { scaleKey: 'total', score: total },
        { scaleKey: 'emotional', score: 4 },
      ],
    },
  });
}

/** A correction of `a` as the edit form sends it: its fields, with `change` applied. */
function correction(a: AdministrationView, change: Record<string, unknown> = {}) {
  return {
    administeredOn: a.administeredOn,
    respondentPersonId: a.respondentPersonId,
    respondentName: a.respondentName,
    administeredBy: a.administeredBy,
    scores: a.scores.map((s) => ({ scaleKey: s.scaleKey, score: s.score })),
    notes: a.notes,
    ...change,
  };
}

function correct(a: AdministrationView, change: Record<string, unknown> = {}, expectedVersion = a.version) {
  return l.raw('psychometrics:update', {
    administrationId: a.id,
    expectedVersion,
    administration: correction(a, change),
  });
}

function remove(a: AdministrationView, reason = 'Entered on the wrong case.', expectedVersion = a.version) {
  return l.raw('psychometrics:remove', { administrationId: a.id, expectedVersion, reason });
}

function auditRows(action: string): { case_id: string | null; detail: string }[] {
  return vault.db.prepare('SELECT case_id, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    case_id: string | null;
    detail: string;
  }[];
}

async function list(): Promise<AdministrationView[]> {
  return l.call<AdministrationView[]>('psychometrics:listForCase', { caseId });
}

beforeEach(async () => {
  l = await laptop(dirs.make(), 'ada', 'Ada Admin');
  vault = l.core.manager.current();
  caseId = assessmentCase(vault).id;
  carers = (await l.call<{ people: PersonView[] }>('case:get', { caseId })).people.filter(
    (p) => p.kind === 'parent_carer',
  );
  await setTotalBands(SDQ_BANDS);
});
afterEach(() => {
  l.core.manager.dispose();
  dirs.cleanup();
});

describe('correcting an administration', () => {
  it('re-derives the band from the copy it was scored with, not from today’s catalogue', async () => {
    const made = await recordSdq(15);
    expect(made.summary).toBe('total difficulties 15, slightly raised');
    // The administrator moves the cut-offs afterwards: 18 would now be "very high".
    await setTotalBands([
      { from: 0, to: 10, label: 'close to average' },
      { from: 11, to: 13, label: 'slightly raised' },
      { from: 14, to: 16, label: 'high' },
      { from: 17, to: 40, label: 'very high' },
    ]);
    const fixed = await correct(made, {
      scores: [
        { scaleKey: 'total', score: 18 },
        { scaleKey: 'emotional', score: 4 },
      ],
      administeredOn: '2025-05-21',
      notes: 'Score re-added.',
    });
    expect(fixed).toMatchObject({ ok: true });
    const [after] = await list();
    expect(after).toMatchObject({
      id: made.id,
      version: 2,
      administeredOn: '2025-05-21',
      summary: 'total difficulties 18, high',
      notes: 'Score re-added.',
      scales: made.scales,
    });
    expect(after?.scores[0]).toMatchObject({ score: 18, band: { label: 'high' }, bandIndex: 2, bandCount: 4 });
  });

  it('changes the respondent to another carer of the case, and refuses anyone else, saying why', async () => {
    const made = await recordSdq(12);
    const other = await correct(made, { respondentPersonId: carers[1]?.id });
    expect(other.ok && (other.value as AdministrationView).respondentLabel).toBe('Sam Hughes (carer)');
    const [current] = await list();
    const sibling = (await l.call<{ people: PersonView[] }>('case:get', { caseId })).people.find(
      (p) => p.kind === 'sibling',
    );
    const wrong = await correct(current as AdministrationView, { respondentPersonId: sibling?.id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!wrong.ok && wrong.error.message).toMatch(/must be a parent or carer from this case’s people/);
  });

  it('refuses an out-of-range score, no score at all and a stale version, and writes nothing', async () => {
    const made = await recordSdq(12);
    const high = await correct(made, { scores: [{ scaleKey: 'total', score: 41 }] });
    expect(high).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Total difficulties: 41 is outside the scale’s range of 0 to 40.' },
    });
    const none = await correct(made, { scores: [{ scaleKey: 'total', score: null }] });
    expect(!none.ok && none.error.message).toBe('Enter at least one score.');
    const unknownScale = await correct(made, { scores: [{ scaleKey: 'anger', score: 3 }] });
    expect(!unknownScale.ok && unknownScale.error.message).toMatch(/no scale “anger”/);
    expect(await correct(made, { notes: 'Twice' })).toMatchObject({ ok: true });
    const stale = await correct(made, { notes: 'Stale' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!stale.ok && stale.error.message).toMatch(/Someone changed this questionnaire/);
    const [after] = await list();
    expect(after).toMatchObject({ version: 2, notes: 'Twice', summary: 'total difficulties 12, close to average' });
    expect(auditRows('psychometrics.update')).toHaveLength(1);
  });

  it('audits the fields changed against the case, never the scores, and the chronology follows', async () => {
    const made = await recordSdq(15);
    await correct(made, {
      scores: [
        { scaleKey: 'total', score: 19 },
        { scaleKey: 'emotional', score: 4 },
      ],
    });
    const [row] = auditRows('psychometrics.update');
    expect(row?.case_id).toBe(caseId);
    expect(JSON.parse(row?.detail ?? '{}')).toEqual({ fields: ['scores'] });
    expect(row?.detail).not.toMatch(/19/);
    const page = await l.call<ChronologyPage>('chronology:get', { caseId, limit: 50, offset: 0 });
    const events = page.items.filter((e) => e.kind === 'psychometric_administered');
    expect(events.map((e) => e.summary)).toEqual(['SDQ (carer) administered: total difficulties 19, high']);
  });
});

describe('removing an administration entered in error', () => {
  it('deletes it, audits the reason and what it was (no scores), and leaves no chronology line', async () => {
    const made = await recordSdq(18);
    const removed = await remove(made, 'Entered on the wrong case.');
    expect(removed).toEqual({ ok: true, value: { removed: true } });
    expect(await list()).toEqual([]);
    const [row] = auditRows('psychometrics.remove');
    expect(row?.case_id).toBe(caseId);
    const detail = JSON.parse(row?.detail ?? '{}') as Record<string, unknown>;
    expect(detail).toMatchObject({
      reason: 'Entered on the wrong case.',
      instrumentName: 'SDQ',
      administeredOn: '2025-05-20',
      respondentType: 'carer',
      scored: 2,
    });
    expect(withoutIds(row?.detail)).not.toMatch(/18|slightly|high/);
    const page = await l.call<ChronologyPage>('chronology:get', { caseId, limit: 50, offset: 0 });
    expect(page.items.some((e) => e.kind === 'psychometric_administered')).toBe(false);
    const again = await remove(made);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a stale version and keeps the administration', async () => {
    const made = await recordSdq(12);
    await correct(made, { notes: 'Corrected' });
    expect(await remove(made)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await list()).toHaveLength(1);
    expect(auditRows('psychometrics.remove')).toEqual([]);
  });
});

describe('the router and access', () => {
  it('refuses malformed input before any handler, saying why', async () => {
    const made = await recordSdq(12);
    const noReason = await remove(made, '   ');
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!noReason.ok && noReason.error.message).toMatch(/Say why this questionnaire is being removed/);
    const instrumentChange = await l.raw('psychometrics:update', {
      administrationId: made.id,
      expectedVersion: 1,
      administration: { ...correction(made), instrumentId: made.instrumentId },
    });
    expect(instrumentChange).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badDate = await correct(made, { administeredOn: '20/05/2025' });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const noVersion = await l.raw('psychometrics:remove', { administrationId: made.id, reason: 'x' });
    expect(noVersion).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await list())[0]?.version).toBe(1);
  });

  it('lets a read-only user do neither', async () => {
    const made = await recordSdq(12);
    await l.call('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'a long enough password',
      role: 'read-only',
    });
    await l.call('vault:lock', {});
    await l.call('vault:unlock', { username: 'rita', password: 'a long enough password' });
    expect(await correct(made, { notes: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await remove(made)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('after the assessment report is signed off', () => {
  it('refuses a correction and a removal with the sign-off message', async () => {
    const made = await recordSdq(12);
    const opened = openAssessment(vault, caseId);
    updateAssessment(vault, opened.id, opened.version, {
      formulation: 'Making sense of the behaviour.',
      riskToOthers: 'medium',
      riskToSelf: 'low',
      riskFromOthers: 'low',
    });
    for (const group of RECOMMENDATION_GROUPS) {
      addRecommendation(vault, opened.id, { group, text: 'Work', owner: 'NCATS', timescale: '4 weeks' });
    }
    signOffAssessment(vault, opened.id, (getAssessment(vault, caseId) as { version: number }).version);

    const edit = await correct(made, { notes: 'Too late' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!edit.ok && edit.error.message).toMatch(
      /^This assessment report was signed off by Ada Admin on .+, so it can no longer be changed\. Add an addendum to correct it\.$/,
    );
    const gone = await remove(made);
    expect(!gone.ok && gone.error.message).toMatch(/signed off by Ada Admin/);
    expect(await list()).toMatchObject([{ id: made.id, version: 1 }]);
    expect(auditRows('psychometrics.update')).toEqual([]);
    expect(auditRows('psychometrics.remove')).toEqual([]);
  });
});
