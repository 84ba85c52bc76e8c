/**
 * `ncats report --kind subject-access`: the requester's copy of the young person's records, the
 * reviewer's copy (`--reviewer`) with the redaction log, and one carer's copy (`--person`),
 * written from a real vault and read back with pdftotext; each audited as report.subject_access.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../../../main/cli/errors';
import { runCli } from '../../../../../main/cli/run';
import '../../../../../main/core/core';
import { createVault, unlockVault } from '../../../../../main/core/vault/vault';
import { scriptedIo } from '../../../cli/cli-fixture';
import { FAST, PASSWORD, tempDirs } from '../../bundles/fixtures';
import { POPPLER } from '../read-back';
import { pdfRawText } from './raw-text';
import { NEVER_RELEASED, OWN_NOTE, writeSarCase, type SarCase } from './sar-case';

const oneLine = (s: string) => s.replace(/-\s+/g, '-').replace(/\s+/g, ' ');

describe.skipIf(!POPPLER)('ncats report --kind subject-access', () => {
  const dirs = tempDirs();
  let work: string;
  let vaultDir: string;
  let g: SarCase;
  let helenId: string;

  beforeAll(async () => {
    work = dirs.make();
    vaultDir = join(work, 'vault');
    const { vault } = await createVault(
      vaultDir,
      { username: 'ada', displayName: 'Ada Lovelace', password: PASSWORD },
      FAST,
    );
    g = writeSarCase(vault);
    helenId = (vault.db.prepare("SELECT id FROM case_people WHERE name = 'Helen Ashworth'").get() as { id: string }).id;
    vault.close();
  });
  afterAll(() => dirs.cleanup());

  const run = async (out: string, ...extra: string[]) => {
    const io = scriptedIo();
    const code = await runCli(
      [
        'report',
        '--vault',
        vaultDir,
        '--user',
        'ada',
        '--password-stdin',
        '--case',
        g.a.reference,
        '--kind',
        'subject-access',
        '--format',
        'pdf',
        '--out',
        out,
        ...extra,
      ],
      io,
    );
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  it('writes the requester’s copy, the reviewer’s copy and a carer’s copy, each audited', async () => {
    const requester = join(work, 'sar.pdf');
    expect((await run(requester)).code).toBe(EXIT.OK);
    const text = oneLine(pdfRawText(readFileSync(requester)));
    expect(text).toContain(OWN_NOTE);
    for (const w of NEVER_RELEASED) expect(text).not.toContain(w);

    const reviewer = join(work, 'sar-reviewer.pdf');
    const r = await run(reviewer, '--reviewer');
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('the reviewer’s copy, with the redaction log: not for the requester');
    expect(oneLine(pdfRawText(readFileSync(reviewer)))).toContain('VICTIM-ACCOUNT');

    const carer = join(work, 'sar-helen.pdf');
    expect((await run(carer, '--person', helenId)).code).toBe(EXIT.OK);
    const helen = oneLine(pdfRawText(readFileSync(carer)));
    expect(helen).toContain('HELEN-OWN-NOTE');
    expect(helen).not.toContain('SAM-OWN-NOTE');

    const vault = await unlockVault(vaultDir, 'ada', PASSWORD);
    try {
      const rows = vault.db
        .prepare("SELECT detail FROM audit_log WHERE action = 'report.subject_access' ORDER BY seq")
        .all() as { detail: string }[];
      expect(rows.map((x) => JSON.parse(x.detail) as { copy: string; subject: string })).toMatchObject([
        { copy: 'requester', subject: 'young_person' },
        { copy: 'reviewer', subject: 'young_person' },
        { copy: 'requester', subject: 'carer' },
      ]);
    } finally {
      vault.close();
    }
  });

  it('refuses a person who is not a carer of the case, and writes no file', async () => {
    const out = join(work, 'refused.pdf');
    const r = await run(out, '--person', g.victimId);
    expect(r.code).not.toBe(EXIT.OK);
    expect(r.err).toContain('is not one. Its parents and carers are:');
    expect(() => readFileSync(out)).toThrow();
  });
});
