/**
 * Psychometrics through the router on a real encrypted vault: the seeded catalogue, an
 * administrator's edits (refused with the reason when the bands do not hold together), recording
 * administrations with their bands, a catalogue edit leaving a past band as it was, the audit
 * rows, the chronology and who may do what.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdministrationView, ChronologyPage, InstrumentView, PersonView } from '../../../../preload/contract';
import { m0100Psychometrics } from '../../../../main/core/db/migrations/m0100-psychometrics';
import { tableMismatches } from '../../../../main/core/db/record';
import { administrationRecord, instrumentRecord } from '../../../../main/core/psychometrics/psychometrics.records';
import { psychometricsBlocks } from '../../../../main/core/psychometrics/psychometrics.report';
import { laptop, makeCase, type Laptop } from '../bundles/app-fixtures';
import { tempDirs } from '../temp-vault';
import { withoutIds } from './audit-text';

const dirs = tempDirs('ncats-psychometrics-');
let l: Laptop;
let caseId: string;
let carer: PersonView;
let adminId: string;

const SDQ_BANDS = [
  { from: 0, to: 13, label: 'close to average' },
  { from: 14, to: 16, label: 'slightly raised' },
  { from: 17, to: 19, label: 'high' },
  { from: 20, to: 40, label: 'very high' },
];

async function catalogue(includeRetired = false): Promise<InstrumentView[]> {
  return l.call<InstrumentView[]>('psychometrics:listInstruments', { includeRetired });
}

async function entry(name: string, respondent: string): Promise<InstrumentView> {
  const found = (await catalogue()).find((i) => i.name === name && i.respondent === respondent);
  if (!found) throw new Error(`no ${name} for ${respondent}`);
  return found;
}

/** Give one scale of an entry its bands, as the Administration screen does. */
async function setBands(i: InstrumentView, scaleKey: string, bands: typeof SDQ_BANDS) {
  return l.raw('psychometrics:updateInstrument', {
    instrumentId: i.id,
    expectedVersion: i.recordVersion,
    instrument: {
      name: i.name,
      respondent: i.respondent,
      version: i.version,
      scales: i.scales.map((s) => (s.key === scaleKey ? { ...s, bands } : s)),
    },
  });
}

function record(instrumentId: string, scores: { scaleKey: string; score: number | null }[], extra = {}) {
  return l.raw('psychometrics:record', {
    caseId,
    administration: {
      administeredOn: '2026-02-03',
      instrumentId,
      respondentPersonId: carer.id,
      administeredBy: adminId,
      scores,
      ...extra,
    },
  });
}

function auditRows(action: string): { case_id: string | null; detail: string }[] {
  return l.core.manager
    .current()
    .db.prepare('SELECT case_id, detail FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { case_id: string | null; detail: string }[];
}

beforeEach(async () => {
  l = await laptop(dirs.make(), 'ada', 'Ada Admin');
  adminId = l.core.manager.current().user.id;
  caseId = (await makeCase(l, 'Hughes')).id;
  carer = await l.call<PersonView>('person:add', {
    caseId,
    person: { kind: 'parent_carer', name: 'Dana Hughes', relationship: 'Mother' },
  });
});
afterEach(() => {
  l.core.manager.dispose();
  dirs.cleanup();
});

describe('the instrument catalogue', () => {
  it('is seeded with names and public bands only, SDQ once per respondent', async () => {
    const all = await catalogue();
    expect(all.map((i) => `${i.name}/${i.respondent}`)).toEqual(
      expect.arrayContaining([
        'SDQ/young_person',
        'SDQ/carer',
        'SDQ/teacher',
        'RCADS/young_person',
        'ORS/young_person',
        'Goal Based Outcomes/young_person',
      ]),
    );
    const sdq = await entry('SDQ', 'carer');
    expect(sdq.scales.map((s) => [s.key, s.min, s.max])).toEqual([
      ['total', 0, 40],
      ['emotional', 0, 10],
      ['conduct', 0, 10],
      ['hyperactivity', 0, 10],
      ['peer', 0, 10],
      ['prosocial', 0, 10],
      ['impact', 0, 10],
    ]);
    // The SDQ cut-offs differ by respondent and are not in the public reference: left empty.
    expect(sdq.scales.every((s) => s.bands.length === 0)).toBe(true);
    const rcads = await entry('RCADS', 'young_person');
    expect(rcads.scales[0]?.bands.map((b) => [b.from, b.label])).toEqual([
      [0, 'below the borderline threshold'],
      [65, 'borderline'],
      [70, 'clinical'],
    ]);
    expect((await entry('ORS', 'young_person')).scales.every((s) => !s.integer)).toBe(true);
  });

  it('matches the tables the migrations built', () => {
    const db = l.core.manager.current().db;
    expect(tableMismatches(db, instrumentRecord)).toEqual([]);
    expect(tableMismatches(db, administrationRecord)).toEqual([]);
    expect(m0100Psychometrics.version).toBe(100);
    // STRICT, like every table (the migrations test checks this too once 80 and 90 sit below 100).
    const ddl = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'psychometric_%'")
      .all() as { sql: string }[];
    expect(ddl).toHaveLength(2);
    for (const t of ddl) expect(t.sql).toMatch(/\)\s*STRICT\s*$/);
  });

  it('takes an administrator’s bands and refuses bands that leave a gap, saying why', async () => {
    const sdq = await entry('SDQ', 'carer');
    const gap = await setBands(sdq, 'total', [
      SDQ_BANDS[0],
      { ...SDQ_BANDS[1], from: 15 },
      SDQ_BANDS[2],
      SDQ_BANDS[3],
    ] as typeof SDQ_BANDS);
    expect(gap).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!gap.ok && gap.error.message).toMatch(/gap between “close to average” and “slightly raised”/);
    expect((await entry('SDQ', 'carer')).recordVersion).toBe(1);

    expect(await setBands(sdq, 'total', SDQ_BANDS)).toMatchObject({ ok: true });
    const after = await entry('SDQ', 'carer');
    expect(after.scales[0]?.bands).toEqual(SDQ_BANDS);
    expect(after.updatedByName).toBe('Ada Admin');
    expect(auditRows('instrument.update')).toHaveLength(1);
    // Stale: the version moved on.
    expect(await setBands(sdq, 'total', SDQ_BANDS)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('adds an entry, refuses a second current one of the same name and respondent, and retires', async () => {
    const input = {
      name: 'TSCC',
      respondent: 'young_person',
      version: '',
      scales: [{ key: 'anxiety', name: 'Anxiety', min: 0, max: 100, integer: true, bands: [] }],
    };
    const made = await l.call<InstrumentView>('psychometrics:createInstrument', { instrument: input });
    expect(made).toMatchObject({ name: 'TSCC', retired: false, recordVersion: 1 });
    const again = await l.raw('psychometrics:createInstrument', { instrument: { ...input, name: 'tscc' } });
    expect(!again.ok && again.error.message).toMatch(/already has tscc for this respondent/);
    await l.call('psychometrics:updateInstrument', {
      instrumentId: made.id,
      expectedVersion: 1,
      instrument: input,
      retired: true,
    });
    expect((await catalogue()).some((i) => i.id === made.id)).toBe(false);
    expect((await catalogue(true)).find((i) => i.id === made.id)?.retired).toBe(true);
    expect(auditRows('instrument.create')).toHaveLength(1);
  });
});

describe('administrations', () => {
  it('records the scores, derives each band, and lists by date with the respondent', async () => {
    const sdq = await entry('SDQ', 'carer');
    await setBands(sdq, 'total', SDQ_BANDS);
    const made = await record(sdq.id, [
      { scaleKey: 'total', score: 18 },
      { scaleKey: 'emotional', score: 4 },
    ]);
    expect(made.ok).toBe(true);
    await record(sdq.id, [{ scaleKey: 'total', score: 12 }], { administeredOn: '2026-05-10' });
    const list = await l.call<AdministrationView[]>('psychometrics:listForCase', { caseId });
    expect(list.map((a) => [a.administeredOn, a.summary])).toEqual([
      ['2026-05-10', 'total difficulties 12, close to average'],
      ['2026-02-03', 'total difficulties 18, high'],
    ]);
    const first = list[1] as AdministrationView;
    expect(first).toMatchObject({
      instrumentName: 'SDQ',
      respondentType: 'carer',
      respondentLabel: 'Dana Hughes (carer)',
      administeredByName: 'Ada Admin',
    });
    expect(first.scores.map((s) => [s.scaleKey, s.score, s.band?.label ?? null])).toEqual([
      ['total', 18, 'high'],
      ['emotional', 4, null],
      ['conduct', null, null],
      ['hyperactivity', null, null],
      ['peer', null, null],
      ['prosocial', null, null],
      ['impact', null, null],
    ]);
  });

  it('refuses an out-of-range or fractional score with the range in the message, and writes nothing', async () => {
    const sdq = await entry('SDQ', 'carer');
    const high = await record(sdq.id, [{ scaleKey: 'total', score: 41 }]);
    expect(high).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Total difficulties: 41 is outside the scale’s range of 0 to 40.' },
    });
    const fraction = await record(sdq.id, [{ scaleKey: 'emotional', score: 3.5 }]);
    expect(!fraction.ok && fraction.error.message).toMatch(/whole numbers \(0 to 10\)/);
    expect(await l.call('psychometrics:listForCase', { caseId })).toEqual([]);
    expect(auditRows('psychometrics.record')).toEqual([]);
  });

  it('checks the respondent against the instrument: a carer of this case, a named teacher', async () => {
    const sdqCarer = await entry('SDQ', 'carer');
    const none = await record(sdqCarer.id, [{ scaleKey: 'total', score: 3 }], { respondentPersonId: null });
    expect(!none.ok && none.error.message).toMatch(/Choose which parent or carer answered/);
    const teacher = await entry('SDQ', 'teacher');
    const unnamed = await record(teacher.id, [{ scaleKey: 'total', score: 3 }], { respondentPersonId: null });
    expect(!unnamed.ok && unnamed.error.message).toMatch(/name of the teacher/);
    const named = await record(teacher.id, [{ scaleKey: 'total', score: 3 }], {
      respondentPersonId: null,
      respondentName: 'Mr Patel',
    });
    expect(named.ok && (named.value as AdministrationView).respondentLabel).toBe('Mr Patel (teacher)');
  });

  it('keeps a past administration’s band when the catalogue’s bands change later', async () => {
    const sdq = await entry('SDQ', 'carer');
    await setBands(sdq, 'total', SDQ_BANDS);
    await record(sdq.id, [{ scaleKey: 'total', score: 18 }]);
    // The administrator moves the cut-offs: 18 would now be "very high".
    const moved = await entry('SDQ', 'carer');
    const newBands = [
      { from: 0, to: 10, label: 'close to average' },
      { from: 11, to: 13, label: 'slightly raised' },
      { from: 14, to: 16, label: 'high' },
      { from: 17, to: 40, label: 'very high' },
    ];
    expect(await setBands(moved, 'total', newBands)).toMatchObject({ ok: true });
    const [old] = await l.call<AdministrationView[]>('psychometrics:listForCase', { caseId });
    expect(old?.scores[0]?.band?.label).toBe('high');
    expect(old?.summary).toBe('total difficulties 18, high');
    // A new administration uses the new bands.
    await record(moved.id, [{ scaleKey: 'total', score: 18 }], { administeredOn: '2026-03-01' });
    const [latest] = await l.call<AdministrationView[]>('psychometrics:listForCase', { caseId });
    expect(latest?.scores[0]?.band?.label).toBe('very high');
  });

  it('audits every read and write against the case, with no scores in the log', async () => {
    const sdq = await entry('SDQ', 'carer');
    await record(sdq.id, [{ scaleKey: 'total', score: 18 }]);
    await l.call('psychometrics:listForCase', { caseId });
    const writes = auditRows('psychometrics.record');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.case_id).toBe(caseId);
    expect(withoutIds(writes[0]?.detail)).not.toMatch(/18/);
    const reads = auditRows('case.read').filter((r) => r.detail.includes('psychometrics'));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.case_id).toBe(caseId);
  });

  it('joins the chronology', async () => {
    const sdq = await entry('SDQ', 'carer');
    await setBands(sdq, 'total', SDQ_BANDS);
    await record(sdq.id, [{ scaleKey: 'total', score: 15 }]);
    const page = await l.call<ChronologyPage>('chronology:get', { caseId, limit: 50, offset: 0 });
    const event = page.items.find((e) => e.kind === 'psychometric_administered');
    expect(event).toMatchObject({
      at: '2026-02-03',
      summary: 'SDQ (carer) administered: total difficulties 15, slightly raised',
      actorName: 'Ada Admin',
    });
  });

  it('lets a read-only user look but not record, and only administrators edit the catalogue', async () => {
    await l.call('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'a long enough password',
      role: 'read-only',
    });
    await l.call('user:create', {
      username: 'cleo',
      displayName: 'Cleo Clinician',
      password: 'a long enough password',
      role: 'clinician',
    });
    const sdq = await entry('SDQ', 'carer');
    await l.call('vault:lock', {});
    await l.call('vault:unlock', { username: 'cleo', password: 'a long enough password' });
    expect(await setBands(sdq, 'total', SDQ_BANDS)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await record(sdq.id, [{ scaleKey: 'total', score: 9 }])).toMatchObject({ ok: true });
    await l.call('vault:lock', {});
    await l.call('vault:unlock', { username: 'rita', password: 'a long enough password' });
    expect(await record(sdq.id, [{ scaleKey: 'total', score: 9 }])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await l.call<AdministrationView[]>('psychometrics:listForCase', { caseId })).toHaveLength(1);
  });

  it('fails loudly on a corrupt stored row rather than showing it as empty (scales and scores)', async () => {
    const sdq = await entry('SDQ', 'carer');
    await record(sdq.id, [{ scaleKey: 'total', score: 12 }]);
    // Read once, so the scales' copy is remembered: the memo must not hide a corrupt row later.
    expect(await l.call<AdministrationView[]>('psychometrics:listForCase', { caseId })).toHaveLength(1);
    const db = l.core.manager.current().db;
    db.prepare('UPDATE psychometric_administrations SET scores = ?').run('[{"scaleKey":"total","score":"12"}]');
    expect(await l.raw('psychometrics:listForCase', { caseId })).toMatchObject({ ok: false });
    db.prepare('UPDATE psychometric_administrations SET scores = ?, scales = ?').run(
      '[{"scaleKey":"total","score":12}]',
      '[{"key":"total"}]',
    );
    expect(await l.raw('psychometrics:listForCase', { caseId })).toMatchObject({ ok: false });
  });

  it('refuses malformed input in the router before any handler', async () => {
    const bad = await l.raw('psychometrics:record', { caseId, administration: { administeredOn: '03/02/2026' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const gone = await l.raw('psychometrics:listForCase', { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the report section', () => {
  it('lists each score with its band, oldest first, for the assessment report', async () => {
    const sdq = await entry('SDQ', 'carer');
    await setBands(sdq, 'total', SDQ_BANDS);
    await record(sdq.id, [{ scaleKey: 'total', score: 12 }], { administeredOn: '2026-05-10' });
    await record(sdq.id, [{ scaleKey: 'total', score: 18 }]);
    const blocks = psychometricsBlocks(l.core.manager.current().db, caseId);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells)).toEqual([
      ['03/02/2026', 'SDQ', 'Dana Hughes (carer)', 'Total difficulties', '18 (0-40)', 'high'],
      ['10/05/2026', 'SDQ', 'Dana Hughes (carer)', 'Total difficulties', '12 (0-40)', 'close to average'],
    ]);
  });
});
