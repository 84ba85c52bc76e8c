/**
 * `ncats report --kind assessment` renders the same report as the app: the case's assessment
 * with its sign-off, written as PDF and Word, and an export row in the audit trail for each.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import { runCli } from '../../../main/cli/run';
import { scriptedIo } from './cli-fixture';
import '../../../main/core/core';
import { addRecommendation } from '../../../main/core/assessments/assessment-content.service';
import { signOffAssessment } from '../../../main/core/assessments/assessment-signoff.service';
import { openAssessment, updateAssessment } from '../../../main/core/assessments/assessments.service';
import { exportReport } from '../../../main/core/reports/report-export';
import { createVault, unlockVault } from '../../../main/core/vault/vault';
import { RECOMMENDATION_GROUPS } from '../../../preload/contract/assessment-records';
import { FAST, PASSWORD, tempDirs } from '../core/bundles/fixtures';
import { assessmentCase } from '../core/assessments/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../core/reports/read-back';

describe('ncats report --kind assessment', () => {
  const dirs = tempDirs();
  let work: string;
  let vaultDir: string;
  let reference: string;
  let caseId: string;

  beforeAll(async () => {
    work = dirs.make();
    vaultDir = join(work, 'vault');
    const { vault } = await createVault(
      vaultDir,
      { username: 'ada', displayName: 'Ada Lovelace', password: PASSWORD },
      FAST,
    );
    const c = assessmentCase(vault);
    reference = c.reference;
    caseId = c.id;
    const opened = openAssessment(vault, c.id);
    const a = updateAssessment(vault, opened.id, opened.version, {
      formulation: 'What makes sense of the behaviour.',
      riskToOthers: 'medium',
      riskToSelf: 'low',
      riskFromOthers: 'low',
    });
    for (const group of RECOMMENDATION_GROUPS) {
      addRecommendation(vault, a.id, { group, text: `Do ${group}`, owner: 'Social worker', timescale: '4 weeks' });
    }
    signOffAssessment(vault, a.id, a.version);
    vault.close();
  });
  afterAll(() => dirs.cleanup());

  it.skipIf(!POPPLER || !UNZIP)('writes the assessment report as PDF and Word, the same text as the app', async () => {
    const as = ['--vault', vaultDir, '--user', 'ada', '--password-stdin', '--case', reference, '--kind', 'assessment'];
    const pdf = join(work, 'assessment.pdf');
    const s = scriptedIo();
    expect(await runCli(['report', ...as, '--format', 'pdf', '--out', pdf], s)).toBe(EXIT.OK);
    expect(s.stdout.join('\n')).toContain(`Wrote the assessment report of case ${reference}`);
    const cliText = pdfPages(readFileSync(pdf)).join('\n');
    expect(cliText).toContain('Understanding the behaviour');
    expect(cliText).toContain('Signed off (version 1) by Ada Lovelace');
    const docx = join(work, 'assessment.docx');
    expect(await runCli(['report', ...as, '--format', 'docx', '--out', docx], scriptedIo())).toBe(EXIT.OK);
    expect(xmlText(docxParts(readFileSync(docx))['word/document.xml'] ?? '')).toContain(
      'Reason for referral and sources',
    );

    // The app's export of the same case gives the same text, apart from when it was produced.
    const vault = await unlockVault(vaultDir, 'ada', PASSWORD);
    try {
      const app = await exportReport(vault, { caseId, kind: 'assessment', format: 'pdf' });
      const strip = (t: string) => t.replace(/Produced by .*? at \d{2}:\d{2}/g, '').replace(/\s+/g, ' ');
      expect(strip(pdfPages(app.bytes).join('\n'))).toBe(strip(cliText));
      const exports = vault.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.export'").get() as {
        n: number;
      };
      expect(exports.n).toBe(3);
    } finally {
      vault.close();
    }
  });
});
