/**
 * The intervention report (kind `intervention`): the progress report to the network while the
 * case's plan is active, and the closing report once it is closed. It prints the plan asked for
 * (`?record=<planId>`, `--record`), else the active plan, else the most recently started one: the goals with their ratings and change (reliable
 * change said in words), the ratings over time as a table, attendance and the DNA rate, the
 * reviews, the closing summary and the recommendations.
 *
 * Session notes and safeguarding concerns are not part of it: they are the service's clinical
 * record, shared by other routes. Agencies flagged as third-party information are left out.
 */
import {
  CLOSURE_REASON_LABELS,
  GOAL_AREA_LABELS,
  PLAN_TYPE_LABELS,
  type GoalView,
  type PlanView,
} from '../../../preload/contract/intervention-records';
import { dnaRateWords, RELIABLE_CHANGE_POINTS } from '../../../preload/contract/intervention-outcomes';
import { displayName } from '../../../preload/contract/young-person-name';
import { loadCaseDetail } from '../cases/cases.service';
import { networkPeople } from '../consultations/consultations.repo';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { ukDate } from '../reports/format';
import type { Block, ReportContent, TableRow } from '../reports/model';
import { registerReportKind, type ReportContext, type ReportSubjectChoice } from '../reports/registry';
import { planView } from './intervention-view';
import { casePlans } from './interventions.repo';

/** What the report says reliable change is, under the goals table. */
export const RELIABLE_CHANGE_NOTE = `A change of ${RELIABLE_CHANGE_POINTS} points or more on a goal (rated 0 to 10) is a reliable change: smaller movements are within what a rating varies by on its own.`;

/** How the report defines the DNA rate, beside the attendance table. */
export const DNA_RATE_NOTE =
  'The DNA rate is the sessions not attended as a share of the sessions offered, leaving out those the service cancelled (a cancellation by the family counts as offered, and not as a DNA).';

function paragraphs(text: string, empty = 'Not recorded.'): Block[] {
  const parts = text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  if (parts.length === 0) return [{ kind: 'paragraph', style: 'note', text: empty }];
  return parts.map((t) => ({ kind: 'paragraph', text: t }));
}

const section = (title: string, body: Block[]): Block[] => [{ kind: 'heading', level: 1, text: title }, ...body];

function goalsTable(goals: readonly GoalView[]): Block {
  return {
    kind: 'table',
    caption: 'Goal Based Outcomes: first and latest rating out of 10, and the change.',
    columns: [
      { header: 'Goal', weight: 38 },
      { header: 'Area', weight: 22 },
      { header: 'First', weight: 8 },
      { header: 'Latest', weight: 8 },
      { header: 'Change', weight: 24 },
    ],
    rows: goals.map((g) => ({
      cells: [
        `${g.seq}. ${g.description}`,
        GOAL_AREA_LABELS[g.area],
        g.change ? String(g.change.first) : '-',
        g.change ? String(g.change.latest) : '-',
        g.change ? g.change.words : 'Not rated yet',
      ],
    })),
    empty: 'No goals have been set.',
  };
}

/** Every date a goal was rated, one row each, a column per goal: the chart's figures as a table. */
function ratingsTable(goals: readonly GoalView[]): Block {
  const dates = [...new Set(goals.flatMap((g) => g.ratings.map((r) => r.ratedOn)))].sort();
  const rows: TableRow[] = dates.map((d) => ({
    cells: [
      ukDate(d),
      ...goals.map((g) => {
        const on = g.ratings.filter((r) => r.ratedOn === d);
        return on.length ? String((on[on.length - 1] as { rating: number }).rating) : '-';
      }),
    ],
  }));
  return {
    kind: 'table',
    caption: 'Goal ratings over time (out of 10).',
    columns: [{ header: 'Date', weight: 25 }, ...goals.map((g) => ({ header: `Goal ${g.seq}`, weight: 25 }))],
    rows,
    empty: 'No ratings have been taken yet.',
  };
}

function attendanceBlocks(p: PlanView): Block[] {
  const a = p.attendance;
  return [
    {
      kind: 'table',
      caption: 'Sessions offered and how they went.',
      columns: [
        { header: 'Sessions', weight: 60 },
        { header: 'Number', weight: 40 },
      ],
      rows: [
        ['Offered', a.offered],
        ['Attended', a.attended],
        ['Cancelled by the family', a.cancelledByFamily],
        ['Cancelled by the service', a.cancelledByService],
        ['Did not attend', a.didNotAttend],
      ].map(([k, v]) => ({ cells: [String(k), String(v)] })),
      empty: 'No sessions yet.',
    },
    { kind: 'keyValues', items: [{ key: 'DNA rate', value: dnaRateWords(a.dnaRate) }] },
    { kind: 'paragraph', style: 'note', text: DNA_RATE_NOTE },
  ];
}

function recommendations(p: PlanView): string {
  if (p.closure) return p.closure.recommendations;
  const latest = [...p.reviews].reverse().find((r) => r.recommendations.trim() !== '');
  return latest?.recommendations ?? '';
}

export function buildInterventionReport(ctx: ReportContext): ReportContent {
  const detail = loadCaseDetail(ctx.db, ctx.caseId, ctx.today);
  const plans = casePlans(ctx.db, ctx.caseId);
  const row = ctx.recordId ? plans.find((p) => p.id === ctx.recordId) : plans[0];
  // The engine has checked the record is this case's; a direct caller gets the same refusal.
  if (!row) throw new AppError('NOT_FOUND', 'This case has no such intervention plan to report on.');
  const p = planView(ctx.db, row, ctx.today);
  const thirdParty = new Set(
    networkPeople(ctx.db, ctx.caseId)
      .filter((x) => x.thirdParty)
      .map((x) => x.id),
  );
  const yp = detail.youngPerson;
  const status = p.closure
    ? `Closed on ${ukDate(p.closure.closedOn)}: ${CLOSURE_REASON_LABELS[p.closure.reason]}`
    : 'Active';
  const blocks: Block[] = [
    {
      kind: 'keyValues',
      items: [
        { key: 'Young person', value: displayName(yp.givenName, yp.familyName, yp.initials ?? '') || 'Not recorded' },
        { key: 'Date of birth', value: yp.dateOfBirth ? ukDate(yp.dateOfBirth) : 'Not recorded' },
        { key: 'Report', value: p.closure ? 'Closing report' : 'Progress report' },
        { key: 'Intervention', value: PLAN_TYPE_LABELS[p.planType] },
        { key: 'Started', value: ukDate(p.startDate) },
        { key: 'Status', value: status },
        { key: 'Clinicians', value: p.clinicians.map((c) => c.name).join(', ') || 'Not recorded' },
      ],
    },
    ...section("Other agencies' care alongside the intervention", [
      {
        kind: 'table',
        caption: 'Care and support from the professional network.',
        columns: [
          { header: 'Professional', weight: 30 },
          { header: 'Agency', weight: 30 },
          { header: 'Care', weight: 40 },
        ],
        rows: p.networkCare
          .filter((c) => !thirdParty.has(c.personId))
          .map((c) => ({ cells: [c.name, c.agency ?? '-', c.care] })),
        empty: 'No other agencies’ care was recorded.',
      },
    ]),
    ...section('Goals and progress', [
      goalsTable(p.goals),
      { kind: 'paragraph', style: 'note', text: RELIABLE_CHANGE_NOTE },
      ratingsTable(p.goals),
    ]),
    ...section('Attendance', attendanceBlocks(p)),
    ...section(
      'Reviews',
      p.reviews.length === 0
        ? [{ kind: 'paragraph', style: 'note', text: 'No review has been held yet.' }]
        : p.reviews.flatMap((r): Block[] => [
            { kind: 'heading', level: 2, text: `Review on ${ukDate(r.reviewDate)}` },
            { kind: 'keyValues', items: [{ key: 'Attended by', value: r.attendees }] },
            ...paragraphs(r.progress),
            ...(r.changes ? [{ kind: 'paragraph', text: `Changes to the plan: ${r.changes}` } as Block] : []),
          ]),
    ),
  ];
  if (p.closure) blocks.push(...section('Closing summary', paragraphs(p.closure.summary)));
  blocks.push(...section('Recommendations', paragraphs(recommendations(p), 'No recommendations recorded yet.')));
  return { caseReference: detail.reference, blocks };
}

/**
 * The case's plans a report can be of, the active one first and then the newest started, so a
 * closed plan's closing report can still be produced after a new plan has started.
 */
export function planChoices(db: Db, caseId: string): ReportSubjectChoice[] {
  return casePlans(db, caseId).map((p) => ({
    id: p.id,
    label:
      p.state === 'active'
        ? `Intervention started ${ukDate(p.startDate)} (active)`
        : `Intervention started ${ukDate(p.startDate)} (closed ${ukDate(p.closedOn ?? '')})`,
  }));
}

registerReportKind({
  id: 'intervention',
  title: 'Intervention report',
  build: buildInterventionReport,
  subject: { noun: 'intervention plan', choices: planChoices },
});
