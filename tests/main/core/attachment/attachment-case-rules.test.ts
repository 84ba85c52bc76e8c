/**
 * The rules a procedure must pass against its case, table-driven through the router on a real
 * vault: who it is of, who it is with (figure, named child, none), its recordings, its
 * CARE-Index sheet once coded, warnings acknowledged and re-acknowledged, removal, the
 * chronology, reads audited as reads of the case, and read-only users refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChronologyPage, FamilyView, ProcedureInput, ProcedureView } from '../../../../preload/contract';
import { tempDirs } from '../temp-vault';
import { aaiOfMother, attachmentCase, saaWithMother, type AttachmentCase } from './attachment-fixture';
import { uploadDocument } from './upload';

const dirs = tempDirs('ncats-attachment-rules-');
let c: AttachmentCase;

beforeEach(async () => {
  c = await attachmentCase(dirs.make());
});
afterEach(() => {
  c.l.core.manager.dispose();
  dirs.cleanup();
});

const add = (procedure: ProcedureInput, acknowledgeWarnings = false) =>
  c.l.raw('attachment:addProcedure', { caseId: c.caseId, procedure, acknowledgeWarnings });

async function refusal(procedure: ProcedureInput): Promise<string> {
  const r = await add(procedure, true);
  if (r.ok) throw new Error('expected a refusal');
  expect(r.error.code).toBe('INVALID_INPUT');
  return r.error.message;
}

const ici = (extra: Partial<ProcedureInput> = {}): ProcedureInput => ({
  procedure: 'ICI',
  subjectKind: 'young_person',
  figurePersonId: c.mother.id,
  administeredOn: '2012-11-01',
  administeredBy: c.adminId,
  ...extra,
});
const sheet = {
  adult: { sensitive: 9, controlling: 3, unresponsive: 2 },
  child: { cooperative: 8, compulsive: 2, difficult: 2, passive: 2 },
};

describe('who a procedure is of and with', () => {
  const refused: [string, (c: AttachmentCase) => ProcedureInput, RegExp][] = [
    [
      'a subject who is not a parent or carer',
      (c) => aaiOfMother(c, { subjectPersonId: c.sister.id }),
      /parent or carer from this case/,
    ],
    [
      'a subject from no case of ours',
      (c) => aaiOfMother(c, { subjectPersonId: c.caseId }),
      /parent or carer from this case/,
    ],
    ['an SAA without a figure', (c) => saaWithMother(c, { figurePersonId: null }), /with one attachment figure/],
    [
      'an SAA with both a person and a name',
      (c) => saaWithMother(c, { figureName: 'Gran' }),
      /with one attachment figure/,
    ],
    [
      'an SAA whose figure is not of this case',
      (c) => saaWithMother(c, { figurePersonId: c.caseId }),
      /one of this case’s people/,
    ],
    [
      'an SAA with the young person as figure',
      (c) => saaWithMother(c, { figurePersonId: null, figureIsYoungPerson: true }),
      /Name the attachment figure/,
    ],
    ['a DMM-AAI naming a figure', (c) => aaiOfMother(c, { figurePersonId: c.father.id }), /names no attachment figure/],
    [
      'a TAAI naming a figure by name',
      (c) => ({ ...aaiOfMother(c), procedure: 'TAAI', figureName: 'Gran' }),
      /names no attachment figure/,
    ],
    [
      'a Parents Interview without its child',
      (c) => ({ ...aaiOfMother(c), procedure: 'PI', modifiers: [], classification: 'B3' }),
      /about one named child/,
    ],
    [
      'a Parents Interview about an adult',
      (c) => ({ ...aaiOfMother(c), procedure: 'PI', modifiers: [], figurePersonId: c.father.id }),
      /young person or a child/,
    ],
    [
      'a Parents Interview about a typed name',
      (c) => ({ ...aaiOfMother(c), procedure: 'PI', modifiers: [], figureName: 'Ella' }),
      /about one named child/,
    ],
    [
      'an administrator who is not a worker',
      (c) => saaWithMother(c, { administeredBy: c.caseId }),
      /active clinician or administrator/,
    ],
    ['an ICI coded without its sheet', () => ici({ coderName: 'Dr Rose Coder' }), /Enter the Infant CARE-Index scores/],
  ];
  it.each(refused)('refuses %s, saying why', async (_what, build, message) => {
    expect(await refusal(build(c))).toMatch(message);
  });

  it('takes a figure typed by name, a Parents Interview about the young person or a sibling, and an ICI not yet coded', async () => {
    const gran = await add(saaWithMother(c, { figurePersonId: null, figureName: 'Gran (not on the case)' }));
    expect(gran.ok && (gran.value as ProcedureView).figureLabel).toBe('with Gran (not on the case)');
    const pi = { ...aaiOfMother(c), procedure: 'PI' as const, modifiers: [], classification: 'A3' };
    const aboutSam = await add({ ...pi, figureIsYoungPerson: true });
    expect(aboutSam.ok && (aboutSam.value as ProcedureView).figureLabel).toBe('about the young person');
    const aboutElla = await add({ ...pi, figurePersonId: c.sister.id });
    expect(aboutElla.ok && (aboutElla.value as ProcedureView).figureLabel).toBe('about Sister (Ella Hughes)');
    const planned = await add(ici());
    expect(planned.ok && (planned.value as ProcedureView)).toMatchObject({ careIndex: null, tier: null });
  });

  it('tiers an ICI by its sensitivity band and refuses a sheet that does not sum to 14, showing the sum', async () => {
    const coded = await add(ici({ coderName: 'Dr Rose Coder', careIndex: sheet }));
    expect(coded.ok && (coded.value as ProcedureView)).toMatchObject({
      careIndex: { sensitivityBand: 'adequate' },
      tier: 'normative',
      ageMonths: 6,
    });
    const low = await add(ici({ careIndex: { ...sheet, adult: { sensitive: 3, controlling: 9, unresponsive: 2 } } }));
    expect(low.ok && (low.value as ProcedureView).tier).toBe('high');
    const bad = await add(ici({ careIndex: { ...sheet, adult: { sensitive: 9, controlling: 3, unresponsive: 3 } } }));
    expect(!bad.ok && bad.error.message).toMatch(/adult's scales must add up to 14; they add up to 15/);
  });
});

describe('recordings', () => {
  it('takes documents of this case, and refuses a deleted one, another case’s, or one listed twice', async () => {
    const doc = await uploadDocument(c.l, c.caseId, 'saa.txt', 'transcript');
    const ok = await add(saaWithMother(c, { recordingDocumentIds: [doc], transcriptStatus: 'transcribed' }));
    expect(ok.ok && (ok.value as ProcedureView).recordingDocumentIds).toEqual([doc]);
    expect(await refusal(saaWithMother(c, { recordingDocumentIds: [doc, doc] }))).toMatch(/listed twice/);
    const other = (
      await c.l.call<{ id: string }>('case:create', {
        referralDate: '2026-01-12',
        youngPerson: { givenName: 'Kit', familyName: 'Other', dateOfBirth: '2012-05-01' },
      })
    ).id;
    const theirs = await uploadDocument(c.l, other, 'x.txt', 'x');
    expect(await refusal(saaWithMother(c, { recordingDocumentIds: [theirs] }))).toMatch(/document of this case/);
    const deleted = await uploadDocument(c.l, c.caseId, 'old.txt', 'old');
    c.l.core.manager
      .current()
      .db.prepare('UPDATE documents SET deleted_at = ?, deleted_by = ? WHERE id = ?')
      .run('2026-01-01T00:00:00Z', c.adminId, deleted);
    expect(await refusal(saaWithMother(c, { recordingDocumentIds: [deleted] }))).toMatch(/not been deleted/);
  });
});

describe('warnings, changes and removal', () => {
  it('keeps an acknowledged warning on a later edit, asks again for a new one, and drops one that no longer holds', async () => {
    // B3 at 13 years 9 months: outside the SAA's range.
    const first = await add(saaWithMother(c, { administeredOn: '2026-02-03' }), true);
    const p = first.ok ? (first.value as ProcedureView) : (undefined as never);
    const ackAt = p.warnings[0]?.acknowledgedAt;
    const update = (procedure: ProcedureInput, version: number, acknowledgeWarnings = false) =>
      c.l.raw('attachment:updateProcedure', {
        procedureId: p.id,
        expectedVersion: version,
        procedure,
        acknowledgeWarnings,
      });
    const notes = await update(saaWithMother(c, { administeredOn: '2026-02-03', notes: 'Rated twice.' }), 1);
    expect(notes.ok && (notes.value as ProcedureView).warnings[0]?.acknowledgedAt).toBe(ackAt);
    // A6 is usually seen from adolescence; at 10 years 4 months it is a new warning.
    const early = saaWithMother(c, { classification: 'A6', modifiers: [] });
    const asked = await update(early, 2);
    expect(asked).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(!asked.ok && asked.error.message).toMatch(
      /A6 is usually seen from adolescence; the person was 10 years 4 months old/,
    );
    const saved = await update(early, 2, true);
    expect(saved.ok && (saved.value as ProcedureView).warnings.map((w) => w.key)).toEqual(['code-earlier-than-usual']);
    expect(await update(early, 2, true)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('gives no warning when the date of birth is not known (the father)', async () => {
    const r = await add(aaiOfMother(c, { subjectPersonId: c.father.id, administeredOn: '2026-02-03' }));
    expect(r.ok && (r.value as ProcedureView)).toMatchObject({ ageMonths: null, warnings: [] });
  });

  it('removes a procedure with a version check, audited with what it was', async () => {
    const r = await add(saaWithMother(c));
    const p = r.ok ? (r.value as ProcedureView) : (undefined as never);
    expect(await c.l.raw('attachment:removeProcedure', { procedureId: p.id, expectedVersion: 2 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await c.l.call('attachment:removeProcedure', { procedureId: p.id, expectedVersion: 1 })).toEqual({
      removed: true,
    });
    const row = c.l.core.manager
      .current()
      .db.prepare("SELECT detail FROM audit_log WHERE action = 'attachment.procedure.remove'")
      .get() as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({
      procedure: 'SAA',
      subjectKind: 'young_person',
      administeredOn: '2022-09-14',
    });
  });
});

describe('across the case', () => {
  it('joins the chronology in words', async () => {
    await add(saaWithMother(c));
    await add(aaiOfMother(c));
    await add(ici());
    const page = await c.l.call<ChronologyPage>('chronology:get', { caseId: c.caseId, limit: 50, offset: 0 });
    const ours = page.items.filter((e) => e.kind === 'attachment_procedure').map((e) => [e.at, e.summary, e.actorName]);
    expect(ours).toEqual([
      ['2026-02-03', 'DMM-AAI of Mother coded: A4/C5', 'Ada Admin'],
      ['2022-09-14', 'SAA with Mother coded: B3', 'Ada Admin'],
      ['2012-11-01', 'ICI with Mother administered (not yet coded)', 'Ada Admin'],
    ]);
  });

  it('audits every read as a read of the case, and refuses a read-only user’s writes but not their reads', async () => {
    await add(saaWithMother(c));
    const before = (
      c.l.core.manager.current().db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.read'").get() as {
        n: number;
      }
    ).n;
    await c.l.call('attachment:get', { caseId: c.caseId });
    await c.l.call('attachment:familyView', { caseId: c.caseId });
    const reads = c.l.core.manager
      .current()
      .db.prepare("SELECT detail FROM audit_log WHERE action = 'case.read' ORDER BY seq")
      .all() as { detail: string }[];
    expect(reads.slice(before).map((r) => JSON.parse(r.detail).view)).toEqual(['attachment', 'attachment-family']);

    await c.l.call('user:create', {
      username: 'rita',
      displayName: 'Rita Reader',
      password: 'a long enough password',
      role: 'read-only',
    });
    await c.l.call('vault:lock', {});
    await c.l.call('vault:unlock', { username: 'rita', password: 'a long enough password' });
    expect(await add(saaWithMother(c))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await c.l.raw('attachment:open', { caseId: c.caseId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const family = await c.l.call<FamilyView>('attachment:familyView', { caseId: c.caseId });
    expect(family.people[0]?.rows).toHaveLength(1);
  });

  it('sets out the family view: the young person first, then each parent or carer, procedures by date', async () => {
    await add(aaiOfMother(c));
    await add(saaWithMother(c, { administeredOn: '2023-01-10', classification: 'C3' }));
    await add(saaWithMother(c));
    const family = await c.l.call<FamilyView>('attachment:familyView', { caseId: c.caseId });
    expect(
      family.people.map((p) => [
        p.name,
        p.relationship,
        p.rows.map((r) => `${r.procedure} ${r.classification} ${r.tier}`),
      ]),
    ).toEqual([
      ['Sam Hughes', 'Young person', ['SAA B3 normative', 'SAA C3 elevated']],
      ['Dana Hughes', 'Mother', ['DMM-AAI A4/C5 high']],
      ['Lee Hughes', 'Father', []],
    ]);
    expect(family.people[1]?.rows[0]?.modifiers).toEqual(['Utr (violence by her stepfather: dismissed, blocked)']);
  });
});

describe('in the router, before any handler', () => {
  const refused: [string, (c: AttachmentCase) => unknown, RegExp][] = [
    ['a code that does not exist', (c) => saaWithMother(c, { classification: 'B6' }), /There is no B6/],
    [
      'a modifier the SAA does not take',
      (c) => saaWithMother(c, { modifiers: [{ code: 'ES' }] }),
      /takes only Ul, Utr, Dp, ina/,
    ],
    ['a classification on a CARE-Index', () => ici({ classification: 'B3' }), /not an A\/B\/C classification/],
    ['a sheet on an SAA', (c) => saaWithMother(c, { careIndex: sheet }), /not scored on CARE-Index scales/],
    [
      'a parent’s procedure without the parent',
      (c) => aaiOfMother(c, { subjectPersonId: null }),
      /Choose the parent or carer/,
    ],
    [
      'a disagreement without its resolution',
      (c) => saaWithMother(c, { secondCoding: { coderName: 'Dr Ian Second', agreement: 'disagreed' } }),
      /Say how the coders’ disagreement was resolved/,
    ],
    ['a date not in yyyy-mm-dd', (c) => saaWithMother(c, { administeredOn: '14/09/2022' }), /date/i],
  ];
  it.each(refused)('refuses %s with the contract’s words, and writes nothing', async (_what, build, message) => {
    const r = await c.l.raw('attachment:addProcedure', { caseId: c.caseId, procedure: build(c) });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toMatch(message);
    const n = c.l.core.manager.current().db.prepare('SELECT count(*) AS n FROM attachment_procedures').get() as {
      n: number;
    };
    expect(n.n).toBe(0);
  });
});
