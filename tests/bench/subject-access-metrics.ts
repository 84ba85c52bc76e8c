/**
 * The subject access request's figures, through the real report engine as the download and the
 * CLI use it, on the demo's largest case (about 425 notes and every module's events): the
 * requester's copy as PDF and Word, and the reviewer's copy (the same plus the redaction log).
 */
import { exportReport } from '../../main/core/reports/report-export';
import type { OpenVault } from '../../main/core/vault/vault';
import { timeRuns } from './core-metrics';
import { emitSamples, say } from './report';

export async function measureSubjectAccess(
  vault: OpenVault,
  caseId: string,
  runs: (n: number) => number,
): Promise<void> {
  say('Subject access request: the largest case, requester’s and reviewer’s copies ...');
  const events = (vault.db.prepare('SELECT count(*) AS n FROM notes WHERE case_id = ?').get(caseId) as { n: number }).n;
  const sar = (format: 'pdf' | 'docx', reviewerCopy = false) =>
    timeRuns(
      runs(10),
      () => exportReport(vault, { caseId, kind: 'subject-access', format, ...(reviewerCopy ? { reviewerCopy } : {}) }),
      1,
    );
  const note = `largest case (${events} notes, every chronology source), notes in full`;
  emitSamples('subject_access_pdf_ms', await sar('pdf'), { note }, 1500);
  emitSamples(
    'subject_access_reviewer_pdf_ms',
    await sar('pdf', true),
    { note: `${note}, with the redaction log` },
    1500,
  );
  emitSamples('subject_access_docx_ms', await sar('docx'), { note }, 1500);
}
