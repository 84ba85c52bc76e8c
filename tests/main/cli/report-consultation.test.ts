/**
 * `ncats report --kind consultation` renders the same report as the app: the case's most recent
 * consultation with its sign-off (or the one `--record` names), written as PDF and Word, and an
 * export row in the audit trail.
 */
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import { runCli } from '../../../main/cli/run';
import { scriptedIo } from './cli-fixture';
import { createConsultation, signConsultation } from '../../../main/core/consultations/consultations.service';
import { exportReport } from '../../../main/core/reports/report-export';
import { createVault, unlockVault } from '../../../main/core/vault/vault';
import { FAST, PASSWORD, tempDirs } from '../core/bundles/fixtures';
import { consultation, networkCase } from '../core/consultations/fixtures';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../core/reports/read-back';

describe('ncats report --kind consultation', () => {
  const dirs = tempDirs();
  let work: string;
  let vaultDir: string;
  let reference: string;
  let caseId: string;
  let olderId: string;
  let otherCaseConsultationId: string;

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
    olderId = createConsultation(
      vault,
      n.caseId,
      consultation(n, { meetingDate: '2025-02-03', discussion: 'An earlier consultation about school.' }),
    ).id;
    const made = createConsultation(vault, n.caseId, consultation(n, { meetingDate: '2025-06-10' }));
    signConsultation(vault, made.id, made.version);
    const other = await networkCase(vault);
    otherCaseConsultationId = createConsultation(vault, other.caseId, consultation(other)).id;
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
      const s = scriptedIo();
      expect(await runCli(['report', ...as, '--format', 'pdf', '--out', pdf], s)).toBe(EXIT.OK);
      expect(s.stdout.join('\n')).toContain(`Wrote the professional consultation report of case ${reference}`);
      const cliText = pdfPages(readFileSync(pdf)).join('\n');
      expect(cliText).toContain('Suitability for assessment or intervention');
      expect(cliText).toContain('Signed off (version 1) by Ada Lovelace');
      const docx = join(work, 'consultation.docx');
      expect(await runCli(['report', ...as, '--format', 'docx', '--out', docx], scriptedIo())).toBe(EXIT.OK);
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

  it.skipIf(!POPPLER)(
    '--record prints the consultation named; one of another case is refused, listing the case’s',
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
      const pdf = join(work, 'older.pdf');
      expect(await runCli(['report', ...as, '--format', 'pdf', '--out', pdf, '--record', olderId], scriptedIo())).toBe(
        EXIT.OK,
      );
      const text = pdfPages(readFileSync(pdf)).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('03/02/2025');
      expect(text).toContain('An earlier consultation about school.');
      expect(text).not.toContain('10/06/2025');

      const refused = scriptedIo();
      const errors: string[] = [];
      refused.err = (t) => errors.push(t);
      const out = join(work, 'refused.pdf');
      expect(
        await runCli(['report', ...as, '--format', 'pdf', '--out', out, '--record', otherCaseConsultationId], refused),
      ).toBe(EXIT.FAILURE);
      expect(errors.join('\n')).toContain(`There is no consultation ${otherCaseConsultationId} in this case.`);
      expect(errors.join('\n')).toContain(`Consultation on 03/02/2025 (${olderId})`);
      expect(existsSync(out)).toBe(false);

      const chronology = scriptedIo();
      const said: string[] = [];
      chronology.err = (t) => said.push(t);
      const asChronology = as.map((a) => (a === 'consultation' ? 'chronology' : a));
      expect(
        await runCli(['report', ...asChronology, '--format', 'pdf', '--out', out, '--record', olderId], chronology),
      ).toBe(EXIT.USAGE);
      expect(said.join('\n')).toContain('is of the whole case');
    },
  );
});
