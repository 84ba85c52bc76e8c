/**
 * Administrations travel in the case bundle between two real vaults with their own copy of the
 * bands, so the receiver shows the sender's bands whatever its own catalogue says; the
 * catalogue itself does not travel. A crafted record with a score its bands cannot place is
 * refused by the module's schema.
 */
import { describe, expect, it } from 'vitest';
import type { AdministrationView, InstrumentView, PersonView } from '../../../../preload/contract';
import { psychometricsModule } from '../../../../main/core/psychometrics/psychometrics.bundle';
import { makeCase, receive, send, type Laptop } from '../bundles/app-fixtures';
import { twoLaptops } from '../bundles/two-laptops';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-psychometrics-bundle-', (pair) => ({ alice, bob, bobOnAlice } = pair));

async function sdqCarer(l: Laptop): Promise<InstrumentView> {
  const all = await l.call<InstrumentView[]>('psychometrics:listInstruments', {});
  return all.find((i) => i.name === 'SDQ' && i.respondent === 'carer') as InstrumentView;
}

describe('psychometrics in the case bundle', () => {
  it('carries administrations with their band copy, not the catalogue', async () => {
    const { id: caseId } = await makeCase(alice, 'Hughes');
    const carer = await alice.call<PersonView>('person:add', {
      caseId,
      person: { kind: 'parent_carer', name: 'Dana Hughes' },
    });
    const sdq = await sdqCarer(alice);
    const bands = [
      { from: 0, to: 13, label: 'close to average' },
      { from: 14, to: 16, label: 'slightly raised' },
      { from: 17, to: 19, label: 'high' },
      { from: 20, to: 40, label: 'very high' },
    ];
    await alice.call('psychometrics:updateInstrument', {
      instrumentId: sdq.id,
      expectedVersion: sdq.recordVersion,
      instrument: {
        name: sdq.name,
        respondent: sdq.respondent,
        version: sdq.version,
        scales: sdq.scales.map((s) => (s.key === 'total' ? { ...s, bands } : s)),
      },
    });
    const sent = await alice.call<AdministrationView>('psychometrics:record', {
      caseId,
      administration: {
        administeredOn: '2026-02-03',
        instrumentId: sdq.id,
        respondentPersonId: carer.id,
        administeredBy: alice.core.manager.current().user.id,
        scores: [
          { scaleKey: 'total', score: 15 },
          { scaleKey: 'peer', score: 2 },
        ],
        notes: 'Completed at home.',
      },
    });

    const inboxId = await receive(bob, await send(alice, caseId, bobOnAlice));
    const applied = await bob.call<{ caseId: string }>('bundle:apply', { inboxId });
    const [got] = await bob.call<AdministrationView[]>('psychometrics:listForCase', { caseId: applied.caseId });
    expect(got).toMatchObject({
      id: sent.id,
      administeredOn: '2026-02-03',
      instrumentName: 'SDQ',
      respondentLabel: 'Dana Hughes (carer)',
      summary: 'total difficulties 15, slightly raised',
      notes: 'Completed at home.',
    });
    expect(got?.scores).toEqual(sent.scores);
    // Bob's own catalogue has no SDQ bands and is unchanged by the import.
    const bobs = await sdqCarer(bob);
    expect(bobs.scales[0]?.bands).toEqual([]);
    expect(bobs.recordVersion).toBe(1);
  });

  it('carries a corrected administration: the receiver shows the new score in its copied band', async () => {
    const { id: caseId } = await makeCase(alice, 'Ellis');
    const carer = await alice.call<PersonView>('person:add', {
      caseId,
      person: { kind: 'parent_carer', name: 'Alex Ellis' },
    });
    const sdq = await sdqCarer(alice);
    const bands = [
      { from: 0, to: 13, label: 'close to average' },
      { from: 14, to: 16, label: 'slightly raised' },
      { from: 17, to: 19, label: 'high' },
      { from: 20, to: 40, label: 'very high' },
    ];
    await alice.call('psychometrics:updateInstrument', {
      instrumentId: sdq.id,
      expectedVersion: sdq.recordVersion,
      instrument: {
        name: sdq.name,
        respondent: sdq.respondent,
        version: sdq.version,
        scales: sdq.scales.map((s) => (s.key === 'total' ? { ...s, bands } : s)),
      },
    });
    const administration = {
      administeredOn: '2026-02-03',
      respondentPersonId: carer.id,
      administeredBy: alice.core.manager.current().user.id,
      scores: [{ scaleKey: 'total', score: 15 }],
      notes: null,
    };
    const made = await alice.call<AdministrationView>('psychometrics:record', {
      caseId,
      administration: { ...administration, instrumentId: sdq.id },
    });
    // First sent as recorded, then corrected on the sender's laptop and sent again.
    const first = await bob.call<{ caseId: string }>('bundle:apply', {
      inboxId: await receive(bob, await send(alice, caseId, bobOnAlice)),
    });
    await alice.call('psychometrics:update', {
      administrationId: made.id,
      expectedVersion: made.version,
      administration: { ...administration, scores: [{ scaleKey: 'total', score: 18 }], notes: 'Mis-keyed at first.' },
    });
    const second = await bob.call<{ caseId: string }>('bundle:apply', {
      inboxId: await receive(bob, await send(alice, caseId, bobOnAlice)),
    });
    expect(second.caseId).toBe(first.caseId);
    const got = await bob.call<AdministrationView[]>('psychometrics:listForCase', { caseId: first.caseId });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      id: made.id,
      version: 2,
      summary: 'total difficulties 18, high',
      notes: 'Mis-keyed at first.',
    });
    expect(got[0]?.scores[0]).toMatchObject({ score: 18, band: { label: 'high' }, bandIndex: 2 });
    // Bob's catalogue still has no SDQ bands: the band came with the administration's copy.
    expect((await sdqCarer(bob)).scales[0]?.bands).toEqual([]);
  });

  it('refuses a crafted record whose score its own bands cannot place', () => {
    const scales = JSON.stringify([{ key: 'total', name: 'Total', min: 0, max: 40, integer: true, bands: [] }]);
    const record = {
      id: '7f000000-0000-4000-8000-000000000001',
      version: 1,
      case_id: '7f000000-0000-4000-8000-000000000002',
      administered_on: '2026-02-03',
      instrument_id: null,
      instrument_name: 'SDQ',
      instrument_version: '',
      respondent_type: 'young_person',
      respondent_person_id: null,
      respondent_name: null,
      administered_by: '7f000000-0000-4000-8000-000000000003',
      scales,
      scores: JSON.stringify([{ scaleKey: 'total', score: 12 }]),
      summary: 'total 12',
      notes: null,
      created_at: '2026-02-03T10:00:00.000Z',
      updated_at: '2026-02-03T10:00:00.000Z',
      updated_by: '7f000000-0000-4000-8000-000000000003',
    };
    expect(psychometricsModule.schema.safeParse(record).success).toBe(true);
    const high = psychometricsModule.schema.safeParse({
      ...record,
      scores: JSON.stringify([{ scaleKey: 'total', score: 99 }]),
    });
    expect(high.success).toBe(false);
    expect(JSON.stringify(high.error?.issues)).toMatch(/outside the scale’s range of 0 to 40/);
    expect(psychometricsModule.schema.safeParse({ ...record, scales: '{not json' }).success).toBe(false);
  });
});
