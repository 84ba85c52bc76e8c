/**
 * The attachment assessment travels in the case bundle between two real vaults: the
 * formulation, each procedure with its modifiers, CARE-Index sheet, acknowledged warnings and
 * recordings (the case's documents); a procedure changed on both sides is a conflict; a crafted
 * row the procedure does not take is refused by the same DMM rules as the router's input.
 */
import { describe, expect, it } from 'vitest';
import type { AttachmentView, PersonView, ProcedureView } from '../../../../preload/contract';
import { procedureRowProblem } from '../../../../main/core/attachment/attachment.bundle';
import { makeCase, receive, send, type Laptop } from '../bundles/app-fixtures';
import { twoLaptops } from '../bundles/two-laptops';
import { uploadDocument } from './upload';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-bundle-attachment-', (pair) => ({ alice, bob, bobOnAlice } = pair));

async function transfer(caseId: string) {
  const inboxId = await receive(bob, await send(alice, caseId, bobOnAlice));
  return bob.call<{ caseId: string; conflicts: number }>('bundle:apply', { inboxId });
}

describe('the attachment assessment in the case bundle', () => {
  it('carries the formulation and the procedures with their coding and recordings; a change on both sides conflicts', async () => {
    const caseId = (await makeCase(alice, 'Hughes')).id;
    const aliceId = alice.core.manager.current().user.id;
    const mother = await alice.call<PersonView>('person:add', {
      caseId,
      person: { kind: 'parent_carer', name: 'Dana Hughes', relationship: 'Mother', dateOfBirth: '1985-03-10' },
    });
    const recording = await uploadDocument(alice, caseId, 'saa-transcript.txt', 'Transcript of the SAA.');
    const open = await alice.call<AttachmentView>('attachment:open', { caseId });
    await alice.call('attachment:update', {
      caseId,
      expectedVersion: open.version,
      fields: { formulation: 'Alice’s formulation.', strategySummary: null },
    });
    const saa = await alice.call<ProcedureView>('attachment:addProcedure', {
      caseId,
      // Sam was 13 on the day: an age warning, acknowledged.
      acknowledgeWarnings: true,
      procedure: {
        procedure: 'SAA',
        subjectKind: 'young_person',
        figurePersonId: mother.id,
        administeredOn: '2025-09-14',
        administeredBy: aliceId,
        recordingDocumentIds: [recording],
        transcriptStatus: 'checked',
        coderName: 'Dr Rose Coder',
        coderReliable: true,
        secondCoding: { coderName: 'Dr Ian Second', agreement: 'disagreed', resolution: 'Agreed A4 after review.' },
        classification: 'A4',
        modifiers: [{ code: 'Dp' }],
      },
    });
    await alice.call('attachment:addProcedure', {
      caseId,
      procedure: {
        procedure: 'DMM-AAI',
        subjectKind: 'parent_carer',
        subjectPersonId: mother.id,
        administeredOn: '2025-10-01',
        administeredBy: aliceId,
        classification: 'A4/C5',
        modifiers: [{ code: 'Ul', about: 'her father', forms: ['other'], otherForm: 'frozen' }],
      },
    });

    const applied = await transfer(caseId);
    const got = (await bob.call<AttachmentView>('attachment:get', { caseId: applied.caseId })) as AttachmentView;
    expect(got.formulation).toBe('Alice’s formulation.');
    expect(got.procedures.map((p) => [p.procedure, p.subjectName, p.figureLabel, p.classification, p.tier])).toEqual([
      ['SAA', 'Sam Hughes', 'with Mother (Dana Hughes)', 'A4', 'elevated'],
      ['DMM-AAI', 'Dana Hughes', null, 'A4/C5', 'high'],
    ]);
    const bobSaa = got.procedures[0] as ProcedureView;
    expect(bobSaa).toMatchObject({
      recordingDocumentIds: [recording],
      secondCoding: { coderName: 'Dr Ian Second', agreement: 'disagreed', resolution: 'Agreed A4 after review.' },
      warnings: [expect.objectContaining({ key: 'age-outside-procedure', acknowledgedByName: 'Alice Ahmed' })],
      modifiers: [expect.objectContaining({ text: 'Dp' })],
    });
    expect(got.procedures[1]?.modifiers[0]?.text).toBe('Ul (her father: frozen)');

    // Both change the SAA: Bob's stays until he chooses, as a conflict.
    const edit = (l: Laptop, p: ProcedureView, notes: string) =>
      l.call('attachment:updateProcedure', {
        procedureId: p.id,
        expectedVersion: p.version,
        acknowledgeWarnings: false,
        procedure: {
          procedure: 'SAA',
          subjectKind: 'young_person',
          figurePersonId: mother.id,
          administeredOn: '2025-09-14',
          administeredBy: p.administeredBy,
          recordingDocumentIds: [recording],
          classification: 'A4',
          notes,
        },
      });
    await edit(bob, bobSaa, 'Bob’s note.');
    await edit(alice, saa, 'Alice’s note.');
    const again = await transfer(caseId);
    expect(again.conflicts).toBe(1);
    const after = (await bob.call<AttachmentView>('attachment:get', { caseId })) as AttachmentView;
    expect(after.procedures[0]?.notes).toBe('Bob’s note.');
  });

  it('joins an assessment both vaults started on their own: the local one stays, the sender’s text is added once', async () => {
    const caseId = (await makeCase(alice, 'Hughes')).id;
    await transfer(caseId);
    const start = async (l: Laptop, formulation: string) => {
      const opened = await l.call<AttachmentView>('attachment:open', { caseId });
      return l.call<AttachmentView>('attachment:update', {
        caseId,
        expectedVersion: opened.version,
        fields: { formulation, strategySummary: null },
      });
    };
    const bobs = await start(bob, 'Bob’s formulation.');
    await start(alice, 'Alice’s formulation.');
    await alice.call('attachment:addProcedure', {
      caseId,
      procedure: {
        procedure: 'SAA',
        subjectKind: 'young_person',
        figureName: 'Gran',
        administeredOn: '2022-09-14',
        administeredBy: alice.core.manager.current().user.id,
        classification: 'B3',
      },
    });
    await transfer(caseId);
    await transfer(caseId);
    const got = (await bob.call<AttachmentView>('attachment:get', { caseId })) as AttachmentView;
    expect(got.id).toBe(bobs.id);
    expect(got.formulation).toMatch(
      /^Bob’s formulation\.\n\nFrom a bundle received on \d{2}\/\d{2}\/\d{4}:\n\nAlice’s formulation\.$/,
    );
    expect(got.procedures.map((p) => [p.procedure, p.figureLabel])).toEqual([['SAA', 'with Gran']]);
  });

  it('refuses a crafted procedure row with a code or modifier its procedure does not take', () => {
    const row = (extra: Record<string, unknown>) => ({
      id: '00000000-0000-4000-8000-000000000001',
      version: 1,
      case_id: '00000000-0000-4000-8000-000000000002',
      procedure: 'SAA',
      classification: 'B3',
      modifiers: '[]',
      care_index: null,
      ...extra,
    });
    expect(procedureRowProblem(row({}))).toBeNull();
    expect(procedureRowProblem(row({ classification: 'B6' }))).toMatch(/There is no B6/);
    expect(procedureRowProblem(row({ modifiers: '[{"code":"ES"}]' }))).toMatch(/takes only Ul, Utr, Dp, ina/);
    expect(procedureRowProblem(row({ procedure: 'ICI', classification: 'B3' }))).toMatch(/not an A\/B\/C/);
    expect(
      procedureRowProblem(
        row({
          procedure: 'ICI',
          classification: null,
          care_index: '{"adult":{"sensitive":9,"controlling":3,"unresponsive":3},"child":{"cooperative":14}}',
        }),
      ),
    ).toMatch(/adult's scales must add up to 14; they add up to 15/);
  });
});
