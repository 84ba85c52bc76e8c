/**
 * A plan's report from the tab: the progress report while it is active, the closing report once
 * closed, previewed in the app or saved as PDF or Word. Each plan prints its own report (the
 * route's `?record=<planId>`), so a closed plan's closing report can be produced after a new
 * plan has started.
 */
import type { PlanView } from '../../../preload/contract/interventions';
import { formatDate } from '../../lib/dates';
import { ReportPreview } from '../consultations/ReportPreview';
import { ReportDownloads } from '../reports/ReportDownloads';

/** Changes whenever what the report prints changes: an edit, a review, a session's rating or attendance, the closure. */
function revisionOf(p: PlanView): string {
  const ratings = p.goals.reduce((n, g) => n + g.ratings.length, 0);
  return `${p.id}.${p.version}.${p.reviews.length}.${p.attendance.offered}.${ratings}`;
}

/** `level`: its heading's, 4 beside the active plan's parts, 5 inside a closed plan's section. */
export function InterventionReportPart({ plan, level }: { plan: PlanView; level: 4 | 5 }) {
  const Heading = level === 4 ? 'h4' : 'h5';
  // The start date in every control's name: with closed plans on the tab too, a screen reader's
  // list of links still says which plan each report is of.
  const name = `${plan.closure ? 'closing report' : 'progress report'} of the plan started ${formatDate(plan.startDate)}`;
  const headingId = `plan-${plan.id}-report-heading`;
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{plan.closure ? 'Closing report' : 'Progress report'}</Heading>
      <p className="muted">
        For the network: the goals with their ratings and change, attendance, reviews and recommendations. Session notes
        and safeguarding concerns are not included.
      </p>
      <ReportPreview
        caseId={plan.caseId}
        kind="intervention"
        name={name}
        revision={revisionOf(plan)}
        recordId={plan.id}
      />
      <ReportDownloads kind="intervention" name={name} recordId={plan.id} />
    </section>
  );
}
