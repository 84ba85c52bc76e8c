/**
 * The Assessments list's page walks the open cases in its order (migration 300) instead of
 * sorting every open assessment: the same rows in the same order as the single sorted query it
 * replaced, for every status, clinician, page size and offset, and a plan that reads along the
 * order index with no sort (EXPLAIN QUERY PLAN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentListSql, queryAssessmentList } from '../../../../main/core/assessments/assessments-list';
import { addDays, DUE_SOON_DAYS } from '../../../../main/core/cases/dates';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { assessmentListQuerySchema } from '../../../../preload/contract/assessments';
import { makeVault, type TestVault } from '../cases/fixtures';

const TODAY = '2025-12-31';
let t: TestVault;
let leads: string[];

beforeAll(async () => {
  t = await makeVault(`${TODAY}T12:00:00Z`);
  generateDemoData(t.vault, { cases: 400, seed: 'assessment-order', referenceDate: TODAY, notesPerCase: [0, 1] });
  leads = (
    t.vault.db
      .prepare(
        `SELECT lead_worker_id AS id FROM cases WHERE lead_worker_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC`,
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
}, 120_000);
afterAll(() => t?.cleanup());

const STATUS_BEFORE: Record<string, string> = {
  all: '1',
  awaiting_paperwork: 'c.assessment_due_date IS NULL',
  overdue: 'c.assessment_due_date < @today',
  due_soon: 'c.assessment_due_date BETWEEN @today AND @soon',
  on_track: 'c.assessment_due_date > @soon',
};

/** The single sorted query the walk replaced (before migration 300). */
function oldPage(q: { status: string; clinicianId: string | null; limit: number; offset: number }): string[] {
  const where = [`a.state = 'open'`, `+c.status IN ('referred', 'accepted', 'active')`, STATUS_BEFORE[q.status] ?? '0'];
  if (q.clinicianId) where.push('c.lead_worker_id = @clinician');
  const rows = t.vault.db
    .prepare(
      `SELECT a.id FROM assessments a JOIN cases c ON c.id = a.case_id WHERE ${where.join(' AND ')}
       ORDER BY c.assessment_due_date IS NULL, c.assessment_due_date, c.reference LIMIT @limit OFFSET @offset`,
    )
    .all({
      today: TODAY,
      soon: addDays(TODAY, DUE_SOON_DAYS),
      clinician: q.clinicianId,
      limit: q.limit,
      offset: q.offset,
    }) as { id: string }[];
  return rows.map((r) => r.id);
}

describe('the Assessments list order', () => {
  it('returns the same rows in the same order as the one sorted query', () => {
    let compared = 0;
    for (const status of Object.keys(STATUS_BEFORE))
      for (const clinicianId of [null, ...leads.slice(0, 2)])
        for (const limit of [1, 5, 50])
          for (const offset of [0, 2, 30, 60]) {
            const q = assessmentListQuerySchema.parse({ status, clinicianId, limit, offset });
            const expected = oldPage({ status, clinicianId, limit, offset });
            const got = queryAssessmentList(t.vault.db, q, TODAY).items.map((i) => i.assessmentId);
            expect(got, JSON.stringify({ status, clinicianId, limit, offset })).toEqual(expected);
            if (expected.length > 0) compared++;
          }
    expect(compared).toBeGreaterThan(40);
  });

  it('walks the order index without a sort, seeking to the status and the lead worker', () => {
    const plan = (over: Record<string, unknown>) => {
      const sql = assessmentListSql(assessmentListQuerySchema.parse(over));
      return (
        t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql.page}`).all({
          today: TODAY,
          soon: addDays(TODAY, DUE_SOON_DAYS),
          clinician: leads[0] ?? null,
          limit: 50,
          offset: 0,
        }) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n');
    };
    const all = plan({});
    // The page's own rows: the walk, then the assessment probe; no sort before the LIMIT (the
    // sort after it, of the page's rows joined to the young person, is the outer query's).
    const inner = (p: string) => p.slice(0, p.indexOf('SCAN p'));
    expect(inner(all)).toMatch(/^CO-ROUTINE p\nSCAN c USING COVERING INDEX cases_open_assessment_order\n/);
    expect(inner(all)).toMatch(/SEARCH a USING INDEX assessments_one_open \(case_id=\?\)/);
    const seeks: [Record<string, unknown>, RegExp][] = [
      [{ status: 'overdue' }, /cases_open_assessment_order \(<expr>=\? AND assessment_due_date<\?\)/],
      [
        { status: 'due_soon' },
        /cases_open_assessment_order \(<expr>=\? AND assessment_due_date>\? AND assessment_due_date<\?\)/,
      ],
      [{ status: 'on_track' }, /cases_open_assessment_order \(<expr>=\? AND assessment_due_date>\?\)/],
      [{ status: 'awaiting_paperwork' }, /cases_open_assessment_order \(<expr>=\?\)/],
      [{ clinicianId: leads[0] }, /cases_open_assessment_lead \(lead_worker_id=\?\)/],
      [
        { clinicianId: leads[0], status: 'overdue' },
        /cases_open_assessment_lead \(lead_worker_id=\? AND <expr>=\? AND assessment_due_date<\?\)/,
      ],
    ];
    for (const p of [
      all,
      ...seeks.map(([q, seek]) => {
        const text = plan(q);
        expect(inner(text), JSON.stringify(q)).toMatch(new RegExp(`SEARCH c USING COVERING INDEX ${seek.source}`));
        return text;
      }),
    ])
      expect(inner(p)).not.toMatch(/TEMP B-TREE/);
  });
});
