/**
 * Training through the real router on a real encrypted vault: packages and events with their
 * audit rows (own entity kinds, no case id), versions and conflicts, removal with a reason, the
 * area's list (newest first, paged, by sector and period) and the materials' round trip through
 * the encrypted blob store.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Page, TrainingEventListItem, TrainingEventView, TrainingPackageView } from '../../../../preload/contract';
import { downloadMaterial, uploadMaterial } from '../../../../main/core/training/training-routes';
import { coreForEachTest } from '../core-fixture';
import { eventInput, PACKAGE_INPUT } from './training-fixtures';

const f = coreForEachTest('ncats-training-');

interface AuditRow {
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  case_id: string | null;
  detail: string;
}
const auditOf = (entityId: string) =>
  f
    .vault()
    .db.prepare(
      'SELECT action, entity_type, entity_id, case_id, detail FROM audit_log WHERE entity_id = ? ORDER BY seq',
    )
    .all(entityId) as AuditRow[];

const newPackage = () => f.ok<TrainingPackageView>('trainingPackage:create', { package: PACKAGE_INPUT });

async function streamText(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

describe('training packages', () => {
  it('create and update with audit rows of their own kind, and refuse a stale version', async () => {
    const pkg = await newPackage();
    expect(pkg).toMatchObject({ title: PACKAGE_INPUT.title, currentMaterialsVersion: 2, version: 1, eventCount: 0 });
    const updated = await f.ok<TrainingPackageView>('trainingPackage:update', {
      packageId: pkg.id,
      expectedVersion: 1,
      package: { ...PACKAGE_INPUT, currentMaterialsVersion: 3 },
    });
    expect(updated).toMatchObject({ currentMaterialsVersion: 3, version: 2 });
    await expect(
      f.ok('trainingPackage:update', { packageId: pkg.id, expectedVersion: 1, package: PACKAGE_INPUT }),
    ).rejects.toThrow('Someone else changed this package first.');
    expect(auditOf(pkg.id)).toEqual([
      expect.objectContaining({ action: 'trainingPackage.create', entity_type: 'training_package', case_id: null }),
      expect.objectContaining({ action: 'trainingPackage.update', entity_type: 'training_package', case_id: null }),
    ]);
  });

  it('refuse to take the current version below one an event used', async () => {
    const pkg = await newPackage();
    await f.ok('trainingEvent:create', { event: eventInput(pkg.id) });
    await expect(
      f.ok('trainingPackage:update', {
        packageId: pkg.id,
        expectedVersion: 1,
        package: { ...PACKAGE_INPUT, currentMaterialsVersion: 1 },
      }),
    ).rejects.toThrow('An event already used version 2');
  });
});

describe('training events', () => {
  it('create with the package current version, store one decimal exactly, and audit it', async () => {
    const pkg = await newPackage();
    const me = f.vault().user.id;
    const made = await f.ok<TrainingEventView>('trainingEvent:create', {
      event: eventInput(pkg.id, { trainerIds: [me], preConfidence: 6.1, postConfidence: 8.7 }),
    });
    expect(made).toMatchObject({
      packageTitle: PACKAGE_INPUT.title,
      materialsVersion: 2,
      endDate: '2025-10-14',
      preConfidence: 6.1,
      postConfidence: 8.7,
      trainerNames: ['Ada Admin'],
    });
    const stored = f.vault().db.prepare('SELECT pre_confidence, post_confidence FROM training_events').get();
    expect(stored).toEqual({ pre_confidence: 61, post_confidence: 87 });
    expect(auditOf(made.id)).toEqual([
      expect.objectContaining({ action: 'trainingEvent.create', entity_type: 'training_event', case_id: null }),
    ]);
    expect((await f.ok<TrainingPackageView[]>('trainingPackage:list', {}))[0]?.eventCount).toBe(1);
  });

  it('refuse a future materials version, an unknown package and a trainer who is not a user', async () => {
    const pkg = await newPackage();
    await expect(f.ok('trainingEvent:create', { event: eventInput(pkg.id, { materialsVersion: 3 }) })).rejects.toThrow(
      'is at materials version 2: an event cannot use version 3',
    );
    await expect(
      f.ok('trainingEvent:create', { event: eventInput('0b3c9a55-1d8e-4d59-9a63-7a6bb2b0f0aa') }),
    ).rejects.toThrow('That training package does not exist.');
    await expect(
      f.ok('trainingEvent:create', {
        event: eventInput(pkg.id, { trainerIds: ['0b3c9a55-1d8e-4d59-9a63-7a6bb2b0f0aa'] }),
      }),
    ).rejects.toThrow('not a user of this vault');
    expect(f.vault().db.prepare('SELECT count(*) AS n FROM training_events').get()).toEqual({ n: 0 });
  });

  it('update with expectedVersion, then remove with a reason kept in the audit row', async () => {
    const pkg = await newPackage();
    const made = await f.ok<TrainingEventView>('trainingEvent:create', { event: eventInput(pkg.id) });
    const changed = await f.ok<TrainingEventView>('trainingEvent:update', {
      eventId: made.id,
      expectedVersion: 1,
      event: eventInput(pkg.id, { attendees: 30, endDate: '2025-10-15' }),
    });
    expect(changed).toMatchObject({ attendees: 30, endDate: '2025-10-15', version: 2 });
    await expect(
      f.ok('trainingEvent:remove', { eventId: made.id, expectedVersion: 1, reason: 'Entered twice.' }),
    ).rejects.toThrow('Someone else changed this event first.');
    await f.ok('trainingEvent:remove', { eventId: made.id, expectedVersion: 2, reason: 'Entered twice.' });
    await expect(f.ok('trainingEvent:get', { eventId: made.id })).rejects.toThrow(
      'That training event has been removed.',
    );
    const list = await f.ok<Page<TrainingEventListItem>>('trainingEvent:list', {});
    expect(list.total).toBe(0);
    const rows = auditOf(made.id);
    expect(rows.map((r) => r.action)).toEqual(['trainingEvent.create', 'trainingEvent.update', 'trainingEvent.remove']);
    expect(JSON.parse(rows[2]?.detail ?? '{}')).toEqual({ reason: 'Entered twice.' });
    // The row is kept, marked removed, for the record.
    expect(f.vault().db.prepare('SELECT removed_reason FROM training_events').get()).toEqual({
      removed_reason: 'Entered twice.',
    });
  });
});

describe('the Training area list', () => {
  it('is newest first, paged, and filters by sector and period', async () => {
    const pkg = await newPackage();
    const dates: [string, 'health' | 'education' | 'police'][] = [
      ['2025-01-10', 'health'],
      ['2025-03-05', 'education'],
      ['2025-03-20', 'health'],
      ['2025-06-01', 'police'],
      ['2025-09-12', 'health'],
    ];
    for (const [startDate, sector] of dates) {
      await f.ok('trainingEvent:create', {
        event: eventInput(pkg.id, { startDate, sector, title: `Event ${startDate}` }),
      });
    }
    const first = await f.ok<Page<TrainingEventListItem>>('trainingEvent:list', { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.startDate)).toEqual(['2025-09-12', '2025-06-01']);
    const second = await f.ok<Page<TrainingEventListItem>>('trainingEvent:list', { limit: 2, offset: 2 });
    expect(second.items.map((i) => i.startDate)).toEqual(['2025-03-20', '2025-03-05']);
    const health = await f.ok<Page<TrainingEventListItem>>('trainingEvent:list', { sector: 'health' });
    expect(health.items.map((i) => i.startDate)).toEqual(['2025-09-12', '2025-03-20', '2025-01-10']);
    const spring = await f.ok<Page<TrainingEventListItem>>('trainingEvent:list', {
      sector: 'health',
      from: '2025-03-01',
      to: '2025-06-30',
    });
    expect(spring.items.map((i) => i.title)).toEqual(['Event 2025-03-20']);
    expect(spring.items[0]).toMatchObject({
      preConfidence: 4.5,
      postConfidence: 7.8,
      packageTitle: PACKAGE_INPUT.title,
    });
    const listed = f
      .vault()
      .db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'trainingEvent.list'")
      .get();
    expect(listed).toEqual({ n: 4 });
  });
});

describe('training materials', () => {
  it('round trip through the encrypted blob store under the package version, never as plaintext', async () => {
    const pkg = await newPackage();
    const vault = f.vault();
    const slides = Buffer.from(`%PDF-1.4\nSlides: the continuum of sexual behaviour ${'x'.repeat(70_000)}\n%%EOF`);
    const material = await uploadMaterial(
      vault,
      { packageId: pkg.id, filename: 'hsb-day-v2.pdf', title: 'Slides', materialsVersion: null, mediaType: null },
      Readable.from([slides]),
    );
    expect(material).toMatchObject({ materialsVersion: 2, mediaType: 'application/pdf', sizeBytes: slides.length });
    const blobs = readdirSync(join(f.dir, 'vault', 'blobs'), { recursive: true, withFileTypes: true }).filter((d) =>
      d.isFile(),
    );
    expect(blobs).toHaveLength(1);
    const onDisk = readFileSync(join(blobs[0]?.parentPath ?? '', blobs[0]?.name ?? ''));
    expect(onDisk.includes(Buffer.from('continuum of sexual behaviour'))).toBe(false);
    const served = await downloadMaterial(vault, material.id, 'attachment');
    expect(served.headers['content-disposition']).toContain('hsb-day-v2.pdf');
    expect((await streamText(served.body)).equals(slides)).toBe(true);
    const listed = await f.ok<TrainingPackageView[]>('trainingPackage:list', {});
    expect(listed[0]?.materials.map((m) => m.title)).toEqual(['Slides']);
    expect(auditOf(material.id).map((r) => [r.action, r.entity_type, r.case_id])).toEqual([
      ['trainingMaterial.create', 'training_material', null],
      ['trainingMaterial.export', 'training_material', null],
    ]);
  });

  it('refuse materials for a version the package has not reached, and record nothing', async () => {
    const pkg = await newPackage();
    await expect(
      uploadMaterial(
        f.vault(),
        { packageId: pkg.id, filename: 'v5.pdf', materialsVersion: 5 },
        Readable.from([Buffer.from('later')]),
      ),
    ).rejects.toThrow('Raise its current version before adding materials for version 5.');
    expect(f.vault().db.prepare('SELECT count(*) AS n FROM training_materials').get()).toEqual({ n: 0 });
  });
});
