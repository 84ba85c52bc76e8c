/**
 * `ncats report --kind safe-home` renders the carer's programme summary as the app does, as PDF
 * and Word, of the enrolment named by `--record` (the latest without it), with an export row in
 * the audit trail for each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../../main/cli/errors';
import { runCli } from '../../../../main/cli/run';
import '../../../../main/core/core';
import { createVault, unlockVault } from '../../../../main/core/vault/vault';
import { scriptedIo } from '../../cli/cli-fixture';
import { FAST, PASSWORD, tempDirs } from '../bundles/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { writeTwoFamilies, type TwoFamilies } from './two-families';

describe('ncats report --kind safe-home', () => {
  const dirs = tempDirs();
  let work: string;
  let vaultDir: string;
  let g: TwoFamilies;

  beforeAll(async () => {
    work = dirs.make();
    vaultDir = join(work, 'vault');
    const { vault } = await createVault(
      vaultDir,
      { username: 'ada', displayName: 'Ada Lovelace', password: PASSWORD },
      FAST,
    );
    g = writeTwoFamilies(vault);
    vault.close();
  });
  afterAll(() => dirs.cleanup());

  it.skipIf(!POPPLER || !UNZIP)('writes the Safe Home summary of an enrolment as PDF and Word', async () => {
    const as = [
      '--vault',
      vaultDir,
      '--user',
      'ada',
      '--password-stdin',
      '--case',
      g.a.reference,
      '--kind',
      'safe-home',
    ];
    const pdf = join(work, 'safe-home.pdf');
    const s = scriptedIo();
    expect(await runCli(['report', ...as, '--record', g.a.enrolments.helen, '--format', 'pdf', '--out', pdf], s)).toBe(
      EXIT.OK,
    );
    expect(s.stdout.join('\n')).toContain(`of case ${g.a.reference}`);
    const text = pdfPages(readFileSync(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Helen Ashworth (Mother)');
    expect(text).toContain('Completed: 12 of 13 sessions');
    const docx = join(work, 'safe-home.docx');
    expect(
      await runCli(['report', ...as, '--record', g.a.enrolments.mark, '--format', 'docx', '--out', docx], scriptedIo()),
    ).toBe(EXIT.OK);
    expect(xmlText(docxParts(readFileSync(docx))['word/document.xml'] ?? '')).toContain('Mark Ashworth (Father)');
    const vault = await unlockVault(vaultDir, 'ada', PASSWORD);
    try {
      const exports = vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.export'").get() as {
        n: number;
      };
      expect(exports.n).toBe(2);
    } finally {
      vault.close();
    }
  });

  it('refuses an enrolment of another family’s case', async () => {
    const s = scriptedIo();
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
        'safe-home',
        '--record',
        g.b.enrolments.grace,
        '--format',
        'pdf',
        '--out',
        join(work, 'refused.pdf'),
      ],
      s,
    );
    expect(code).not.toBe(EXIT.OK);
    expect(s.stderr.join('\n')).toMatch(/There is no Safe Home enrolment/);
  });
});
