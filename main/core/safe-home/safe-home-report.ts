/**
 * The carer's programme summary (report kind `safe-home`): one carer's enrolment in a Safe Home
 * run, by default the latest of the case. Sessions attended of planned, the themes covered and
 * missed, the family's safety-plan versions with their dates and reviews, the ratings before and
 * after, the goal ratings, and completion in words.
 *
 * It is built from the case's own Safe Home view (`CaseSafeHomeView`), which holds this family's
 * carers and nothing of the group's other families, so the report can name only the young person
 * and this family's carer. Notes (the group's and the carer's own) are the service's clinical
 * record and are not part of the summary.
 */
import {
  DELIVERY_LABELS,
  WITHDRAWAL_REASON_LABELS,
  type CarerJourneyView,
} from '../../../preload/contract/safe-home-records';
import { displayName } from '../../../preload/contract/young-person-name';
import { loadCaseDetail } from '../cases/cases.service';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { ukDate } from '../reports/format';
import type { Block, ReportContent } from '../reports/model';
import { registerReportKind, type ReportContext, type ReportSubjectChoice } from '../reports/registry';
import {
  attendanceSummary,
  paragraphs,
  ratingBlocks,
  ruleWords,
  safetyPlanBlocks,
  section,
  sessionsTable,
  themesTable,
} from './safe-home-report-blocks';
import { readCompletionRule } from './runs.repo';
import { caseSafeHomeView } from './case-view';

const carerWords = (j: Pick<CarerJourneyView, 'carerName' | 'relationship'>) =>
  j.relationship ? `${j.carerName} (${j.relationship})` : j.carerName;

/** The case's enrolments, newest first: "Jo Bloggs (Mother) in Spring group, enrolled 12/03/2025". */
export function safeHomeChoices(db: Db, caseId: string): ReportSubjectChoice[] {
  return caseSafeHomeView(db, caseId)
    .journeys.slice()
    .sort((a, b) =>
      a.enrolledOn === b.enrolledOn ? b.enrolmentId.localeCompare(a.enrolmentId) : a.enrolledOn < b.enrolledOn ? 1 : -1,
    )
    .map((j) => ({ id: j.enrolmentId, label: `${carerWords(j)} in ${j.runTitle}, enrolled ${ukDate(j.enrolledOn)}` }));
}

export function buildSafeHomeReport(ctx: ReportContext): ReportContent {
  const detail = loadCaseDetail(ctx.db, ctx.caseId, ctx.today);
  const view = caseSafeHomeView(ctx.db, ctx.caseId);
  const chosen = ctx.recordId ?? safeHomeChoices(ctx.db, ctx.caseId)[0]?.id;
  const j = view.journeys.find((x) => x.enrolmentId === chosen);
  if (!j) throw new AppError('NOT_FOUND', 'This case has no Safe Home enrolment to report on yet.');
  const plans = view.safetyPlans.filter((v) => v.runId === j.runId);
  const yp = detail.youngPerson;
  const p = j.progress;
  const blocks: Block[] = [
    {
      kind: 'keyValues',
      items: [
        { key: 'Young person', value: displayName(yp.givenName, yp.familyName, yp.initials ?? '') || 'Not recorded' },
        { key: 'Parent or carer', value: carerWords(j) },
        { key: 'Programme run', value: j.runTitle },
        { key: 'Delivery', value: DELIVERY_LABELS[j.delivery] },
        { key: 'Enrolled', value: ukDate(j.enrolledOn) },
        { key: 'Completion', value: p.completionWords },
      ],
    },
    ...section('Sessions attended', [attendanceSummary(p), sessionsTable(j)]),
    ...section('Themes covered and missed', [themesTable(p)]),
    ...section('The family’s safety plan', safetyPlanBlocks(plans)),
    ...section('Ratings before and after', ratingBlocks(p)),
    ...section('Completion', [
      { kind: 'paragraph', text: p.completionWords },
      ...(j.withdrawal
        ? [
            {
              kind: 'paragraph',
              text: `Withdrew on ${ukDate(j.withdrawal.withdrawnOn)}: ${WITHDRAWAL_REASON_LABELS[j.withdrawal.reason]}.`,
            } as Block,
            ...(j.withdrawal.detail ? paragraphs(j.withdrawal.detail, '') : []),
          ]
        : []),
      { kind: 'paragraph', style: 'note', text: ruleWords(readCompletionRule(ctx.db)) },
    ]),
  ];
  return { caseReference: detail.reference, blocks };
}

registerReportKind({
  id: 'safe-home',
  title: 'Safe Home programme summary',
  build: buildSafeHomeReport,
  subject: { noun: 'Safe Home enrolment', choices: safeHomeChoices },
});
