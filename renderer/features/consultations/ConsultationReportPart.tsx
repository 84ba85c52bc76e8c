/**
 * The report of one consultation, inside its record on the Consultation tab: preview it in the
 * app, or save it as PDF or Word. Each consultation prints its own report (the route's
 * `?record=<id>`), so an older consultation's report can be produced as well as the latest.
 */
import type { ConsultationView } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { ReportDownloads } from '../reports/ReportDownloads';
import { ReportPreview } from './ReportPreview';

/** Changes whenever what the report prints changes (an edit, a sign-off, an addendum). */
function revisionOf(c: ConsultationView): string {
  return `${c.id}.${c.version}.${c.signoff.signedVersions.length}.${c.signoff.addenda.length}`;
}

export function ConsultationReportPart({ c }: { c: ConsultationView }) {
  // The meeting date in every control's name: with several consultations on the tab, a screen
  // reader's list of buttons and links still says which report each one gives.
  const name = `consultation report of ${formatDate(c.meetingDate)}`;
  const headingId = `consultation-${c.id}-report-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h5 id={headingId}>The report of this consultation</h5>
      <ReportPreview caseId={c.caseId} kind="consultation" name={name} revision={revisionOf(c)} recordId={c.id} />
      <ReportDownloads kind="consultation" name={name} recordId={c.id} />
    </section>
  );
}
