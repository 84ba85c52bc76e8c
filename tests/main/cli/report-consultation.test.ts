/**
 * `ncats report --kind consultation` renders the same report as the app: the case's most recent
 * consultation with its sign-off, written as PDF and Word, and an export row in the audit trail.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import type { CliIo } from '../../../main/cli/io';
import { runCli } from '../../../main/cli/run';
import { createConsultation, signConsultation } from '../../../main/core/consultations/consultations.service';
import { exportReport } from '../../../main/core/reports/report-export';
import { createVault, unlockVault } from '../../../main/core/vault/vault';
import { FAST, PASSWORD, tempDirs } from '../core/bundles/fixtures';
import { consultation, networkCase } from '../core/consultations/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../core/reports/read-back';

function io(): CliIo & { stdout: string[] } {
  const stdout: string[] = [];
  const lines = [PASSWORD];
  return {
    stdout,
    out: (t) => stdout.push(t),
    err: () => undefined,
    stdinIsTTY: false,
    readLine: () => Promise.resolve(lines.shift() ?? null),
    promptHidden: () => Promise.reject(new Error('no terminal')),
    env: {},
    now: () => new Date(),
  };
}

describe('ncats report --kind consultation', () => {
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
    const n = await networkCase(vault);
    reference = n.reference;
    caseId = n.caseId;
    const made = createConsultation(vault, n.caseId, consultation(n, { meetingDate: '2025-06-10' }));
    signConsultation(vault, made.id, made.version);
    vault.close();
  });
  afterAll(() => dirs.cleanup());

  it.skipIf(!POPPLER || !UNZIP)(
    'writes the consultation report as PDF and Word, the same text as the app',
    async () => {
      const as = [
        '--vault',
        vaultDir,
        '--user',
        'ada',
        '--password-stdin',
        '--case',
        reference,
        '--kind',
        'consultation',
      ];
      const pdf = join(work, 'consultation.pdf');
      const s = io();
      expect(await runCli(['report', ...as, '--format', 'pdf', '--out', pdf], s)).toBe(EXIT.OK);
      expect(s.stdout.join('\n')).toContain(`Wrote the professional consultation report of case ${reference}`);
      const cliText = pdfPages(readFileSync(pdf)).join('\n');
      expect(cliText).toContain('Suitability for assessment or intervention');
      expect(cliText).toContain('Signed off (version 1) by Ada Lovelace');
      const docx = join(work, 'consultation.docx');
      expect(await runCli(['report', ...as, '--format', 'docx', '--out', docx], io())).toBe(EXIT.OK);
      expect(xmlText(docxParts(readFileSync(docx))['word/document.xml'] ?? '')).toContain(
        'Recommendations on case management',
      );

      // The app's export of the same case gives the same text, apart from when it was produced.
      const vault = await unlockVault(vaultDir, 'ada', PASSWORD);
      try {
        const app = await exportReport(vault, { caseId, kind: 'consultation', format: 'pdf' });
        const strip = (t: string) => t.replace(/Produced by .*? at \d{2}:\d{2}/g, '').replace(/\s+/g, ' ');
        expect(strip(pdfPages(app.bytes).join('\n'))).toBe(strip(cliText));
        const exports = vault.db
          .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.export'")
          .get() as { n: number };
        expect(exports.n).toBe(3);
      } finally {
        vault.close();
      }
    },
  );
});
