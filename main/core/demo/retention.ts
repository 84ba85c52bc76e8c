/**
 * The Records retention area's demo data: an archive of cases closed (or declined) 18 to 30 years
 * before the demo's "today", so their review dates (usually 20 years after care ended) fall from
 * ten years ago to two years ahead: some past, some due within months, some not yet. Among them:
 * legal holds, recorded deaths, care-experienced young people (one already checked), a disposal
 * waiting for a second administrator, and the tombstone of one case already disposed of.
 *
 * Written only when asked (`archiveCases`): the rest of the demo describes five years of work, and
 * the other modules' data and tests count on that. The CLI's `ncats demo` and the benchmark ask.
 * Archive cases are lean (the young person, the status path, a few notes): enough to be reviewed
 * and disposed of, not to be worked on.
 */
import type { Service } from '../../../preload/contract/case-records';
import { youngPersonSchema } from '../../../preload/contract/case-records';
import { ageOn } from '../../../preload/contract/age';
import { insertCase, insertStatusChange, setServices, upsertYoungPerson } from '../cases/cases.repo';
import { addDays } from '../cases/dates';
import { stmt } from '../db/statements';
import { insertNote } from '../notes/notes.repo';
import { refreshStale } from '../retention/retention.repo';
import { tombstoneRecord } from '../retention/retention.records';
import { retentionOutcome } from '../retention/retention.rules';
import type { OpenVault } from '../vault/vault';
import { stamp } from './case-writer';
import { givenNameFor, youngPersonSex } from './people';
import { Random } from './prng';
import * as V from './vocabulary';

export interface DemoRetentionResult {
  archived: number;
  declined: number;
  holds: number;
  deaths: number;
  careExperienced: number;
  tombstones: number;
}

interface ArchiveCase {
  id: string;
  referral: string;
  /** The day care ended: closed, or the referral declined. */
  ended: string;
  declined: boolean;
  dob: string;
  reference: string;
  year: number;
  seq: number;
}

const YEAR_DAYS = 365;

/** Draw the archive, earliest referral first, numbered in referral order within each year. */
function planArchive(vault: OpenVault, r: Random, count: number, today: string): ArchiveCase[] {
  const drawn = Array.from({ length: count }, () => {
    const ended = addDays(today, -r.int(18 * YEAR_DAYS, 30 * YEAR_DAYS));
    const declined = r.chance(0.1);
    const referral = addDays(ended, -(declined ? r.int(3, 40) : r.int(60, 700)));
    const age = r.int(8, 17);
    return { id: r.uuid(), referral, ended, declined, dob: addDays(referral, -(age * YEAR_DAYS + r.int(0, 364))) };
  });
  drawn.sort((a, b) => (a.referral < b.referral ? -1 : a.referral > b.referral ? 1 : 0));
  const seqs = new Map<number, number>();
  return drawn.map((c) => {
    const year = Number(c.referral.slice(0, 4));
    const seq =
      (seqs.get(year) ??
        (
          stmt(vault.db, 'SELECT coalesce(max(ref_seq), 0) AS n FROM cases WHERE ref_year = ?').get(year) as {
            n: number;
          }
        ).n) + 1;
    seqs.set(year, seq);
    return { ...c, year, seq, reference: `NC-${year}-${String(seq).padStart(4, '0')}` };
  });
}

function writeArchiveCase(vault: OpenVault, r: Random, c: ArchiveCase): void {
  const { db } = vault;
  const by = vault.user.id;
  const gender = r.pick(V.GENDERS);
  const given = givenNameFor(r, youngPersonSex(gender));
  const family = r.pick(V.FAMILY_NAMES);
  const created = stamp(r, c.referral);
  const status = c.declined ? 'declined' : 'closed';
  insertCase(db, {
    id: c.id,
    reference: c.reference,
    ref_year: c.year,
    ref_seq: c.seq,
    status,
    referral_date: c.referral,
    referral_source: r.pick(['Children’s social care', 'Youth Offending Team', 'CAMHS', 'School', 'Police']),
    referral_reason: 'Concerns about harmful sexual behaviour reported by the referrer; see referral form.',
    consultation_only: 0,
    lead_worker_id: null,
    decline_reason: c.declined ? r.pick(V.DECLINE_REASONS) : null,
    closure_reason: c.declined ? null : r.pick(V.CLOSURE_REASONS),
    closing_summary: c.declined ? null : 'Work completed as planned; network informed and report shared.',
    age_at_referral: ageOn(c.dob, c.referral),
    paperwork_complete_date: null,
    assessment_due_date: null,
    assessment_completed_date: null,
    created_at: created,
    updated_at: created,
    updated_by: by,
    version: 1,
  });
  upsertYoungPerson(
    db,
    c.id,
    youngPersonSchema.parse({
      givenName: given,
      familyName: family,
      dateOfBirth: c.dob,
      gender,
      localAuthority: r.pick(V.LOCAL_AUTHORITIES),
    }),
  );
  const services: Service[] = ['assessment'];
  setServices(db, c.id, services, c.declined ? [] : services);
  insertStatusChange(db, { id: r.uuid(), caseId: c.id, from: null, to: 'referred', reason: null, at: created, by });
  const path: [string, 'accepted' | 'active' | 'closed' | 'declined'][] = c.declined
    ? [[c.ended, 'declined']]
    : [
        [addDays(c.referral, 7), 'accepted'],
        [addDays(c.referral, 30), 'active'],
        [c.ended, 'closed'],
      ];
  let from: 'referred' | 'accepted' | 'active' = 'referred';
  for (const [day, to] of path) {
    const reason = to === 'declined' ? r.pick(V.DECLINE_REASONS) : to === 'closed' ? r.pick(V.CLOSURE_REASONS) : null;
    insertStatusChange(db, { id: r.uuid(), caseId: c.id, from, to, reason, at: stamp(r, day), by });
    if (to === 'accepted' || to === 'active') from = to;
  }
  const notes = c.declined ? 1 : r.int(2, 4);
  for (let i = 0; i < notes; i++) {
    const at = stamp(r, i === 0 ? c.referral : addDays(c.referral, r.int(30, Math.max(30, daysOfCare(c)))));
    insertNote(db, {
      id: r.uuid(),
      caseId: c.id,
      authorId: by,
      occurredAt: at,
      type: 'case_note',
      text:
        i === 0
          ? `Referral received about ${given}; papers read and discussed at the allocation meeting.`
          : `Session with ${given}: worked on the safety plan; carers updated afterwards.`,
      thirdPartySensitive: false,
      at,
    });
  }
}

/** Days from referral to the end of care, for dating the notes in between. */
function daysOfCare(c: ArchiveCase): number {
  return Math.round((Date.parse(c.ended) - Date.parse(c.referral)) / 86_400_000);
}

/**
 * Write `count` archive cases and their retention, in one transaction with one summary audit row
 * (as the rest of the demo does), then the stale review dates, then what needs them: the check
 * of one care-experienced case and a waiting proposal.
 */
export function writeDemoRetention(
  vault: OpenVault,
  seed: string | number,
  today: string,
  count: number,
): DemoRetentionResult {
  const result: DemoRetentionResult = {
    archived: 0,
    declined: 0,
    holds: 0,
    deaths: 0,
    careExperienced: 0,
    tombstones: 0,
  };
  if (count <= 0) return result;
  const { db } = vault;
  const r = new Random(`${String(seed)}:retention`);
  const plan = planArchive(vault, r, count, today);
  const admins = vault.listUsers().filter((u) => !u.disabled && u.role === 'administrator' && u.id !== vault.user.id);
  // The earliest becomes the tombstone of a disposal, when there is a second administrator to have approved it.
  const disposed = admins.length > 0 ? plan.shift() : undefined;
  const now = `${today}T12:00:00.000Z`;
  db.transaction(() => {
    for (const c of plan) writeArchiveCase(vault, r, c);
    result.archived = plan.length;
    result.declined = plan.filter((c) => c.declined).length;
    const closed = plan.filter((c) => !c.declined);
    const every = (n: number) => closed.filter((_, i) => i % n === n - 1);
    for (const c of every(40)) {
      stmt(
        db,
        `UPDATE case_retention SET legal_hold = 1, hold_reason = ?, hold_changed_by = ?, hold_changed_at = ? WHERE case_id = ?`,
      ).run('Civil claim notified by the trust’s legal team: keep until it is settled.', vault.user.id, now, c.id);
      result.holds++;
    }
    for (const c of every(60)) {
      const death = addDays(c.ended, r.int(2 * YEAR_DAYS, 12 * YEAR_DAYS));
      if (death >= today) continue;
      stmt(db, 'UPDATE case_retention SET date_of_death = ?, stale = 1 WHERE case_id = ?').run(death, c.id);
      result.deaths++;
    }
    for (const c of every(8)) {
      stmt(
        db,
        'UPDATE case_retention SET care_experienced = 1, care_changed_by = ?, care_changed_at = ? WHERE case_id = ?',
      ).run(vault.user.id, now, c.id);
      result.careExperienced++;
    }
    if (disposed) {
      const closedOn = disposed.ended;
      const reviewDate = retentionOutcome({
        dateOfBirth: disposed.dob,
        closedOn,
        careEnded: disposed.declined ? 'declined' : 'closed',
        dateOfDeath: null,
        referralDate: disposed.referral,
        ageAtReferral: ageOn(disposed.dob, disposed.referral),
      }).reviewDate as string;
      const approved = stamp(r, addDays(reviewDate, r.int(30, 200)));
      stmt(db, tombstoneRecord.insertSql()).run({
        id: r.uuid(),
        reference: disposed.reference,
        referral_date: disposed.referral,
        closed_on: closedOn,
        review_date: reviewDate,
        reason: 'Review date passed; no hold, no request for the records; reviewed against the retention schedule.',
        proposed_by: vault.user.id,
        proposed_at: stamp(r, addDays(approved.slice(0, 10), -r.int(1, 10))),
        approved_by: (admins[0] as { id: string }).id,
        approved_at: approved,
      });
      result.tombstones = 1;
    }
    vault.audit({
      action: 'demo.generate',
      detail: { module: 'retention', archived: result.archived, tombstones: result.tombstones, seed: String(seed) },
    });
  }).immediate();
  refreshStale(db);
  db.transaction(() => {
    const due = (id: string) =>
      stmt(db, 'SELECT review_date FROM case_retention WHERE case_id = ? AND review_date <= ?').get(id, today) as
        { review_date: string } | undefined;
    const care = plan.find((c) => isCare(db, c.id) && due(c.id));
    const dueDate = care ? due(care.id) : undefined;
    if (care && dueDate) {
      stmt(
        db,
        `UPDATE case_retention SET care_check_note = ?, care_checked_by = ?, care_checked_at = ?, care_checked_for = ? WHERE case_id = ?`,
      ).run(
        'Leaving-care team asked: the person has had a copy of their records and does not object to disposal.',
        vault.user.id,
        now,
        dueDate.review_date,
        care.id,
      );
    }
    const waiting = plan.find(
      (c) =>
        !c.declined &&
        due(c.id) &&
        (
          stmt(db, 'SELECT legal_hold + care_experienced AS n FROM case_retention WHERE case_id = ?').get(c.id) as {
            n: number;
          }
        ).n === 0,
    );
    if (waiting) {
      stmt(
        db,
        'INSERT INTO disposal_proposals (id, case_id, reason, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?)',
      ).run(r.uuid(), waiting.id, 'Review date passed; no hold; nothing outstanding.', vault.user.id, now);
    }
  }).immediate();
  return result;
}

function isCare(db: OpenVault['db'], caseId: string): boolean {
  return (
    (
      stmt(db, 'SELECT care_experienced FROM case_retention WHERE case_id = ?').get(caseId) as
        { care_experienced: number } | undefined
    )?.care_experienced === 1
  );
}
