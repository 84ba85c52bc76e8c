/**
 * Demo training: a year of events before the reference date (two to four a month), delivering a
 * few reused packages whose materials move on a version or two during the year, for realistic
 * organisations of each sector, with evaluations in which confidence mostly rises. Its own
 * random stream, so every other record of a seed stays as it was; one `demo.training` audit row
 * sums it up. Written once: a vault that already has training packages gets none.
 */
import { TRAINING_SECTORS, type TrainingSector } from '../../../preload/contract/training-records';
import { stmt } from '../db/statements';
import { trainingEventRecord, trainingPackageRecord } from '../training/training.records';
import type { OpenVault } from '../vault/vault';
import { Random } from './prng';

interface DemoPackage {
  title: string;
  summary: string;
  audience: TrainingSector[];
  /** Months (0 = the first month of the year) at which the materials move to the next version. */
  revisedAt: number[];
}

const PACKAGES: readonly DemoPackage[] = [
  {
    title: 'Understanding harmful sexual behaviour',
    summary: 'The continuum from healthy to harmful behaviour, what drives it, and a first response.',
    audience: ['social_care', 'education', 'health'],
    revisedAt: [5],
  },
  {
    title: 'AIM assessment in practice',
    summary: 'Using the AIM framework in assessment: strengths, concerns and the shape of a plan.',
    audience: ['social_care', 'police'],
    revisedAt: [3, 9],
  },
  {
    title: 'Safety planning at home and at school',
    summary: 'Supervision, routines and safety plans that a family and a school can keep.',
    audience: ['education', 'social_care'],
    revisedAt: [],
  },
  {
    title: 'Trauma, attachment and harmful sexual behaviour',
    summary: 'How early experience shapes behaviour, for clinicians and students.',
    audience: ['health', 'university', 'conference'],
    revisedAt: [7],
  },
];

const ORGANISATIONS: Record<TrainingSector, readonly string[]> = {
  social_care: ['Leeds Children’s Services', 'Bradford Children’s Social Care', 'Wakefield Fostering Service'],
  health: ['Leeds Community Healthcare', 'South West Yorkshire Partnership CAMHS', 'Calderdale Public Health'],
  education: [
    'Kirklees Designated Safeguarding Leads Network',
    'Leeds Learning Partnership',
    'Bradford Pupil Referral Unit',
  ],
  police: ['West Yorkshire Police Safeguarding Unit', 'Leeds Youth Justice Service'],
  university: ['University of Leeds School of Healthcare', 'Leeds Beckett University Social Work'],
  conference: ['Northern Safeguarding Conference', 'National HSB Practice Forum'],
};

const SECTOR_WEIGHTS: readonly (readonly [TrainingSector, number])[] = [
  ['social_care', 0.3],
  ['education', 0.25],
  ['health', 0.2],
  ['police', 0.1],
  ['university', 0.1],
  ['conference', 0.05],
];

const THEMES = [
  'Wanted more time on case examples.',
  'Found the continuum model useful; asked for a follow-up on online behaviour.',
  'Asked for the safety plan template to be shared.',
  'Valued hearing about the family work; the room was too small.',
  'Would like a shorter version for new starters.',
  '',
];

const CO_TRAINERS = ['', '', 'Dr Jo Patel (CAMHS)', 'Sam Okafor (Youth Justice)', 'Local DSL lead'];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `back` months before the reference date's month. */
function monthStart(today: string, back: number): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10);
}

/** An average to one decimal within 0..10. */
const tenth = (x: number) => Math.round(Math.min(10, Math.max(0, x)) * 10) / 10;

export interface DemoTrainingResult {
  packages: number;
  events: number;
}

/** Write a year of demo training into the vault (none if it already has training packages). */
export function writeDemoTraining(
  vault: OpenVault,
  seed: string | number,
  today: string,
  trainers: readonly string[],
): DemoTrainingResult {
  const { db } = vault;
  const existing = stmt(db, 'SELECT count(*) AS n FROM training_packages').get() as { n: number };
  if (existing.n > 0) return { packages: 0, events: 0 };
  const r = new Random(`${String(seed)}:training`);
  const by = vault.user.id;
  const yearStart = monthStart(today, 11);
  let events = 0;
  db.transaction(() => {
    const packageIds = PACKAGES.map((p) => {
      const id = r.uuid();
      const at = `${yearStart}T09:00:00.000Z`;
      stmt(db, trainingPackageRecord.insertSql()).run(
        trainingPackageRecord.toRow({
          id,
          title: p.title,
          summary: p.summary,
          audienceSectors: p.audience,
          currentMaterialsVersion: 1 + p.revisedAt.length,
          createdAt: at,
          createdBy: by,
          updatedAt: at,
          updatedBy: by,
          version: 1 + p.revisedAt.length,
        }),
      );
      return id;
    });
    for (let month = 0; month < 12; month++) {
      const first = monthStart(today, 11 - month);
      const monthLength = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)).getUTCDate();
      for (let n = r.int(2, 4); n > 0; n--) {
        const startDate = addDays(first, r.int(0, monthLength - 1));
        if (startDate > today) continue;
        const sector = r.weighted(SECTOR_WEIGHTS);
        // Every sector is in some package's audience, so there is always one to choose.
        const [pkg, index] = r.pick(
          PACKAGES.map((p, i) => [p, i] as const).filter(([p]) => p.audience.includes(sector)),
        );
        const materialsVersion = 1 + pkg.revisedAt.filter((m) => m <= month).length;
        const attendees = sector === 'conference' ? r.int(60, 220) : r.int(8, 35);
        const returned = r.chance(0.85) ? Math.max(1, Math.round(attendees * (0.5 + r.next() * 0.45))) : null;
        const pre = returned !== null && r.chance(0.8) ? tenth(3 + r.next() * 3.5) : null;
        // Confidence rises after most events; now and then it barely moves or dips.
        const post =
          returned !== null ? tenth((pre ?? 5) + (r.chance(0.9) ? 1 + r.next() * 3 : -0.5 + r.next())) : null;
        const days = sector === 'conference' || !r.chance(0.15) ? 0 : 1;
        const at = `${startDate}T17:00:00.000Z`;
        stmt(db, trainingEventRecord.insertSql()).run(
          trainingEventRecord.toRow({
            id: r.uuid(),
            title: sector === 'conference' ? `Workshop: ${pkg.title}` : pkg.title,
            packageId: packageIds[index] ?? '',
            tailoring: r.chance(0.5) ? `Examples chosen for ${r.pick(ORGANISATIONS[sector])}.` : '',
            organisation: r.pick(ORGANISATIONS[sector]),
            sector,
            startDate,
            endDate: addDays(startDate, days),
            delivery: sector === 'conference' || r.chance(0.65) ? 'in_person' : 'virtual',
            trainerIds: trainers.length > 0 ? [r.pick(trainers)] : [by],
            coTrainers: r.pick(CO_TRAINERS),
            attendees,
            evaluationsReturned: returned,
            preConfidence: pre,
            postConfidence: post,
            themes: returned !== null ? r.pick(THEMES) : '',
            materialsVersion,
            createdAt: at,
            createdBy: by,
            updatedAt: at,
            updatedBy: by,
            removedAt: null,
            removedBy: null,
            removedReason: null,
            version: 1,
          }),
        );
        events++;
      }
    }
    vault.audit({
      action: 'demo.training',
      detail: { packages: PACKAGES.length, events, seed: String(seed), sectors: TRAINING_SECTORS.length },
    });
  }).immediate();
  return { packages: PACKAGES.length, events };
}
