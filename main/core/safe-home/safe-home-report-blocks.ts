/**
 * The parts of the carer's programme summary (report kind `safe-home`), each built from the
 * contract's views of one carer's journey and their family's safety plans: nothing here reads
 * the database, so nothing here can reach another family.
 */
import {
  REGISTER_STATE_LABELS,
  SESSION_KIND_LABELS,
  type CarerJourneyView,
  type CarerProgress,
  type CompletionRule,
  type SafetyPlanVersionView,
  type ThemeRef,
} from '../../../preload/contract/safe-home-records';
import { ukDate } from '../reports/format';
import type { Block } from '../reports/model';

export const section = (title: string, body: Block[]): Block[] => [{ kind: 'heading', level: 1, text: title }, ...body];

const note = (text: string): Block => ({ kind: 'paragraph', style: 'note', text });

/** The text split into paragraphs (a blank line between). */
export function paragraphs(text: string, empty: string): Block[] {
  const parts = text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  return parts.length === 0 ? [note(empty)] : parts.map((t) => ({ kind: 'paragraph', text: t }));
}

/** The completion rule in words, as the report explains it under the completion. */
export function ruleWords(rule: CompletionRule): string {
  return `The programme is completed by attending at least ${rule.minAttendancePercent} % of the planned sessions${
    rule.requireSafetyPlanSession ? ' and a session on the safety plan' : ''
  }. Catch-up sessions cover the themes of a missed session but do not count as sessions attended.`;
}

const themeNames = (themes: readonly ThemeRef[]) => themes.map((t) => t.label).join('; ');

/** Every session of the run as this carer lived it: planned ones by number, catch-ups after. */
export function sessionsTable(j: CarerJourneyView): Block {
  return {
    kind: 'table',
    caption: 'Sessions of the programme and the carer’s attendance.',
    columns: [
      { header: 'Session', weight: 20 },
      { header: 'Date', weight: 14 },
      { header: 'Themes', weight: 38 },
      { header: 'Attendance', weight: 28 },
    ],
    rows: j.sessions.map((s) => ({
      cells: [
        s.kind === 'planned'
          ? `${s.seq} of ${j.progress.plannedSessions}`
          : `${SESSION_KIND_LABELS[s.kind]} (${s.seq})`,
        ukDate(s.sessionDate),
        themeNames(s.themes) || 'Themes not chosen',
        s.state ? `${REGISTER_STATE_LABELS[s.state]}${s.reason ? `: ${s.reason}` : ''}` : 'Register not taken yet',
      ],
    })),
    empty: 'The run has no sessions yet.',
  };
}

export function attendanceSummary(p: CarerProgress): Block {
  return {
    kind: 'keyValues',
    items: [
      { key: 'Sessions attended', value: `${p.sessionsAttended} of ${p.plannedSessions} planned` },
      { key: 'Sessions held so far', value: String(p.sessionsHeld) },
      { key: 'Catch-up sessions attended', value: String(p.catchUpsAttended) },
      { key: 'Safety-plan session', value: p.attendedSafetyPlanSession ? 'Attended' : 'Not attended' },
    ],
  };
}

export function themesTable(p: CarerProgress): Block {
  const rows = [
    ...p.themesCovered.map((t) => ({ cells: [t.label, 'Covered'] })),
    ...p.themesMissed.map((t) => ({ cells: [t.label, 'Missed (in a session the carer did not attend)'] })),
  ];
  return {
    kind: 'table',
    caption: 'Themes of the sessions held, covered and missed.',
    columns: [
      { header: 'Theme', weight: 55 },
      { header: 'Covered or missed', weight: 45 },
    ],
    rows,
    empty: 'No session has been held yet.',
  };
}

/** The family's safety-plan versions with dates and reviews, then each version's text. */
export function safetyPlanBlocks(plans: readonly SafetyPlanVersionView[]): Block[] {
  if (plans.length === 0) return [note('No safety plan has been recorded in this run yet.')];
  return [
    {
      kind: 'table',
      caption: 'Versions of the family’s safety plan.',
      columns: [
        { header: 'Version', weight: 15 },
        { header: 'Date', weight: 20 },
        { header: 'Reviewed', weight: 65 },
      ],
      rows: plans.map((v) => ({
        cells: [
          String(v.versionNo),
          ukDate(v.versionDate),
          v.reviewedIn
            ? `In session ${v.reviewedIn.seq} on ${ukDate(v.reviewedIn.sessionDate)}`
            : 'Not yet reviewed in a session',
        ],
      })),
      empty: 'No safety plan yet.',
    },
    ...plans.flatMap((v): Block[] => [
      { kind: 'heading', level: 2, text: `Version ${v.versionNo} of ${ukDate(v.versionDate)}` },
      ...paragraphs(v.content, 'No text.'),
    ]),
  ];
}

const rated = (n: number | null) => (n === null ? 'Not rated' : `${n} of 10`);
const change = (before: number | null, after: number | null) =>
  before === null || after === null
    ? '-'
    : after - before === 0
      ? 'No change'
      : `${after > before ? '+' : ''}${after - before}`;

/** Confidence and knowledge before and after, and the carer's goals. */
export function ratingBlocks(p: CarerProgress): Block[] {
  return [
    {
      kind: 'table',
      caption: 'The carer’s own ratings before and after the programme (0 to 10).',
      columns: [
        { header: 'Rating', weight: 40 },
        { header: 'Before', weight: 20 },
        { header: 'After', weight: 20 },
        { header: 'Change', weight: 20 },
      ],
      rows: [
        {
          cells: [
            'Confidence',
            rated(p.confidenceBefore),
            rated(p.confidenceAfter),
            change(p.confidenceBefore, p.confidenceAfter),
          ],
        },
        {
          cells: [
            'Knowledge',
            rated(p.knowledgeBefore),
            rated(p.knowledgeAfter),
            change(p.knowledgeBefore, p.knowledgeAfter),
          ],
        },
      ],
      empty: 'No ratings.',
    },
    {
      kind: 'table',
      caption: 'The carer’s goals in their own words, rated 0 to 10 at the start and at the latest rating.',
      columns: [
        { header: 'Goal', weight: 55 },
        { header: 'At the start', weight: 15 },
        { header: 'Latest', weight: 15 },
        { header: 'Change', weight: 15 },
      ],
      rows: p.goals.map((g, i) => ({
        cells: [`${i + 1}. ${g.description}`, rated(g.baseline), rated(g.latest), change(g.baseline, g.latest)],
      })),
      empty: 'No goals were set.',
    },
  ];
}
