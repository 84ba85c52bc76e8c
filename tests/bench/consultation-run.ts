/** The consultations part of `npm run bench` (leave it out with `--skip consultations`). */
import type { Router } from '../../main/core/ipc/router';
import type { OpenVault } from '../../main/core/vault/vault';
import {
  agreementListPages,
  consultationListPages,
  consultationReports,
  largestConsultationCase,
} from './consultation-metrics';
import { emitSamples, say } from './report';
import { assessmentReports, largestAssessmentCase } from './assessment-metrics';

export async function measureConsultations(
  router: Router,
  vault: OpenVault,
  runs: (n: number) => number,
): Promise<void> {
  say('Consultations: the area list, the consultation report and the assessment report ...');
  const count = (vault.db.prepare('SELECT count(*) AS n FROM consultations').get() as { n: number }).n;
  emitSamples(
    'consultations_list_ms',
    await consultationListPages(router, vault.db, runs(60)),
    { note: `consultation:listAll, 25 rows + count of ${count} consultations (first, middle and last page)` },
    15,
  );
  emitSamples('batch_agreements_list_ms', await agreementListPages(router, runs(30)), {
    note: 'batch:listAgreements with each next session',
  });
  const caseId = largestConsultationCase(vault.db);
  emitSamples('consultation_report_pdf_ms', await consultationReports(vault, caseId, 'pdf', runs(10)), {}, 1500);
  emitSamples('consultation_report_docx_ms', await consultationReports(vault, caseId, 'docx', runs(10)), {}, 1500);
  const assessed = largestAssessmentCase(vault.db);
  emitSamples('assessment_report_pdf_ms', await assessmentReports(vault, assessed, 'pdf', runs(10)), {}, 1500);
  emitSamples('assessment_report_docx_ms', await assessmentReports(vault, assessed, 'docx', runs(10)), {}, 1500);
}
