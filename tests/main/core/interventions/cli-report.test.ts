/**
 * `ncats report --kind intervention` renders the same report as the app, as PDF and Word, with
 * an export row in the audit trail for each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../../main/cli/errors';
import { runCli } from '../../../../main/cli/run';
import { scriptedIo } from '../../cli/cli-fixture';
import '../../../../main/core/core';
import { createPlan } from '../../../../main/core/interventions/interventions.service';
import { createSession } from '../../../../main/core/interventions/sessions.service';
import { createVault, unlockVault } from '../../../../main/core/vault/vault';
import { FAST, PASSWORD, tempDirs } from '../bundles/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { interventionCase, nth, plan, session } from './fixtures';

describe('ncats report --kind intervention', () => {
  const dirs = tempDirs();
  let work: string;
  let vaultDir: string;
  let reference: string;

  beforeAll(async () => {
    work = dirs.make();
    vaultDir = join(work, 'vault');
    const { vault } = await createVault(
      vaultDir,
      { username: 'ada', displayName: 'Ada Lovelace', password: PASSWORD },
      FAST,
    );
    const n = interventionCase(vault);
    reference = n.reference;
    const p = createPlan(vault, n.caseId, plan(vault, n));
    createSession(vault, p.id, session({ ratings: [{ goalId: nth(p.goals, 0).id, rating: 6 }] }));
    vault.close();
  });
  afterAll(() => dirs.cleanup());

  it.skipIf(!POPPLER || !UNZIP)('writes the intervention report as PDF and Word', async () => {
    const as = [
      '--vault',
      vaultDir,
      '--user',
      'ada',
      '--password-stdin',
      '--case',
      reference,
      '--kind',
      'intervention',
    ];
    const pdf = join(work, 'intervention.pdf');
    const s = scriptedIo();
    expect(await runCli(['report', ...as, '--format', 'pdf', '--out', pdf], s)).toBe(EXIT.OK);
    expect(s.stdout.join('\n')).toContain(`Wrote the intervention report of case ${reference}`);
    const text = pdfPages(readFileSync(pdf)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Goals and progress');
    expect(text).toContain('Reliable improvement (+4)');
    const docx = join(work, 'intervention.docx');
    expect(await runCli(['report', ...as, '--format', 'docx', '--out', docx], scriptedIo())).toBe(EXIT.OK);
    expect(xmlText(docxParts(readFileSync(docx))['word/document.xml'] ?? '')).toContain('Attendance');
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
});
