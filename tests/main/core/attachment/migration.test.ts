/**
 * Migration 110 on a real encrypted vault: STRICT tables, one attachment assessment per case, a
 * young person's procedure names no other subject and a parent's names one, and the JSON columns
 * must hold JSON, so a bad row is refused by the database as well as by the service.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcedureView } from '../../../../preload/contract';
import { m0110Attachment } from '../../../../main/core/db/migrations/m0110-attachment';
import { LATEST_VERSION } from '../../../../main/core/db/migrations/index';
import { tempDirs } from '../temp-vault';
import { attachmentCase, saaWithMother, type AttachmentCase } from './attachment-fixture';

const dirs = tempDirs('ncats-attachment-migration-');
let c: AttachmentCase;
beforeEach(async () => {
  c = await attachmentCase(dirs.make());
});
afterEach(() => {
  c.l.core.manager.dispose();
  dirs.cleanup();
});

describe('migration 110', () => {
  it('builds STRICT tables, one attachment assessment per case, and refuses rows that do not hold together', async () => {
    expect(m0110Attachment.version).toBe(110);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(110);
    const db = c.l.core.manager.current().db;
    const ddl = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'attachment_%'").all() as {
      sql: string;
    }[];
    expect(ddl).toHaveLength(2);
    for (const t of ddl) expect(t.sql).toMatch(/\)\s*STRICT\s*$/);

    const made = await c.l.call<ProcedureView>('attachment:addProcedure', {
      caseId: c.caseId,
      procedure: saaWithMother(c),
    });
    const a = db.prepare('SELECT * FROM attachment_assessments').get() as Record<string, unknown>;
    expect(() =>
      db
        .prepare('INSERT INTO attachment_assessments VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, 1)')
        .run('00000000-0000-4000-8000-00000000000a', c.caseId, a.opened_at, a.opened_by, a.updated_at, a.updated_by),
    ).toThrow(/UNIQUE/);
    const edit = (set: string) => () => db.prepare(`UPDATE attachment_procedures SET ${set} WHERE id = ?`).run(made.id);
    expect(edit(`subject_person_id = '${c.mother.id}'`)).toThrow(/CHECK/);
    expect(edit("subject_kind = 'parent_carer'")).toThrow(/CHECK/);
    expect(edit("modifiers = 'not json'")).toThrow(/CHECK/);
    expect(edit("procedure = 'AAI'")).toThrow(/CHECK/);
  });
});
