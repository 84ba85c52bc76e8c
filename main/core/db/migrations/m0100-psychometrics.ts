import type { Migration } from './index';

/**
 * Psychometrics: the instrument catalogue and each case's administrations.
 *
 * The catalogue is the service's own (administrators edit it; it never travels in a bundle). It
 * is seeded here with instrument and scale names and the public scoring bands in DOMAIN.md only,
 * never questionnaire items. Where a cut-off is not public for that respondent the bands are left
 * empty for an administrator to fill in.
 *
 * An administration copies the instrument as it was used (name, version, respondent, scales
 * with their bands) into its own row, so a later catalogue edit never changes a past band, and
 * a bundle can carry it to a vault whose catalogue differs. For the same reason `instrument_id`
 * and `respondent_person_id` have no foreign key: the catalogue does not travel, and a person
 * may be left out of a bundle; the respondent's name is copied too.
 *
 * The seed is written out here, not imported, because a released migration never changes.
 */
interface SeedScale {
  key: string;
  name: string;
  min: number;
  max: number;
  integer: boolean;
  bands: { from: number; to: number; label: string }[];
}

const scale = (key: string, name: string, min: number, max: number, integer = true): SeedScale => ({
  key,
  name,
  min,
  max,
  integer,
  bands: [],
});

// SDQ: the four-band cut-offs differ by respondent and are not in DOMAIN.md: left empty.
const sdqScales = (): SeedScale[] => [
  scale('total', 'Total difficulties', 0, 40),
  scale('emotional', 'Emotional symptoms', 0, 10),
  scale('conduct', 'Conduct problems', 0, 10),
  scale('hyperactivity', 'Hyperactivity / inattention', 0, 10),
  scale('peer', 'Peer relationship problems', 0, 10),
  scale('prosocial', 'Prosocial behaviour', 0, 10),
  scale('impact', 'Impact', 0, 10),
];

// RCADS T-scores: 65 or more borderline, 70 or more clinical (DOMAIN.md). The T-score range is
// set wide (0-120) so no real score is refused; an administrator may narrow it.
const rcadsBands = () => [
  { from: 0, to: 64, label: 'below the borderline threshold' },
  { from: 65, to: 69, label: 'borderline' },
  { from: 70, to: 120, label: 'clinical' },
];
const tScale = (key: string, name: string): SeedScale => ({ ...scale(key, name, 0, 120), bands: rcadsBands() });
const rcadsScales = (): SeedScale[] => [
  tScale('total', 'Total anxiety and depression (T-score)'),
  tScale('total-anxiety', 'Total anxiety (T-score)'),
  tScale('separation', 'Separation anxiety (T-score)'),
  tScale('generalised', 'Generalised anxiety (T-score)'),
  tScale('panic', 'Panic (T-score)'),
  tScale('social', 'Social phobia (T-score)'),
  tScale('obsessive', 'Obsessive compulsive (T-score)'),
  tScale('depression', 'Major depression (T-score)'),
];

// ORS / CORS: four marks of 0-10 read to one decimal, total 0-40. Clinical cut-offs depend on
// age and are not in DOMAIN.md: left empty.
const orsScales = (): SeedScale[] => [
  scale('total', 'Total', 0, 40, false),
  scale('individually', 'Individually', 0, 10, false),
  scale('interpersonally', 'Interpersonally', 0, 10, false),
  scale('socially', 'Socially', 0, 10, false),
  scale('overall', 'Overall', 0, 10, false),
];

// Goal Based Outcomes: up to three goals, 0-10; change is read across administrations, not banded.
const gboScales = (): SeedScale[] => [
  scale('goal-1', 'Goal 1', 0, 10),
  scale('goal-2', 'Goal 2', 0, 10),
  scale('goal-3', 'Goal 3', 0, 10),
];

const SEED: { id: string; name: string; respondent: string; version: string; scales: SeedScale[] }[] = [
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000001',
    name: 'SDQ',
    respondent: 'young_person',
    version: '',
    scales: sdqScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000002',
    name: 'SDQ',
    respondent: 'carer',
    version: '',
    scales: sdqScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000003',
    name: 'SDQ',
    respondent: 'teacher',
    version: '',
    scales: sdqScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000004',
    name: 'RCADS',
    respondent: 'young_person',
    version: '',
    scales: rcadsScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000005',
    name: 'RCADS',
    respondent: 'carer',
    version: 'RCADS-P',
    scales: rcadsScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000006',
    name: 'ORS',
    respondent: 'young_person',
    version: '',
    scales: orsScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000007',
    name: 'CORS',
    respondent: 'young_person',
    version: '',
    scales: orsScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000008',
    name: 'Goal Based Outcomes',
    respondent: 'young_person',
    version: '',
    scales: gboScales(),
  },
  {
    id: '5d0c7a52-3f4e-4b6a-9c10-000000000009',
    name: 'Goal Based Outcomes',
    respondent: 'carer',
    version: '',
    scales: gboScales(),
  },
];

export const m0100Psychometrics: Migration = {
  version: 100,
  name: 'psychometrics: instrument catalogue and administrations',
  up(db) {
    db.exec(`
      CREATE TABLE psychometric_instruments (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        respondent     TEXT NOT NULL CHECK (respondent IN ('young_person', 'carer', 'teacher')),
        -- The edition or form, e.g. 'parent'; '' when there is only one.
        version_label  TEXT NOT NULL DEFAULT '',
        -- The scales as JSON: key, name, min, max, integer, bands [{from, to, label}].
        scales         TEXT NOT NULL CHECK (json_valid(scales)),
        retired        INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        -- NULL: as seeded by the app.
        updated_by     TEXT REFERENCES users (id),
        version        INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE UNIQUE INDEX psychometric_instruments_current
        ON psychometric_instruments (name COLLATE NOCASE, respondent, version_label COLLATE NOCASE) WHERE retired = 0;

      CREATE TABLE psychometric_administrations (
        id                    TEXT PRIMARY KEY,
        case_id               TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        administered_on       TEXT NOT NULL,
        instrument_id         TEXT,
        instrument_name       TEXT NOT NULL,
        instrument_version    TEXT NOT NULL,
        respondent_type       TEXT NOT NULL CHECK (respondent_type IN ('young_person', 'carer', 'teacher')),
        respondent_person_id  TEXT,
        -- The carer's or teacher's name as it was; NULL for the young person.
        respondent_name       TEXT,
        administered_by       TEXT NOT NULL REFERENCES users (id),
        -- The instrument's scales and bands as used (a copy), and the scores [{scaleKey, score}].
        scales                TEXT NOT NULL CHECK (json_valid(scales)),
        scores                TEXT NOT NULL CHECK (json_valid(scores)),
        -- The headline score and band, e.g. 'total difficulties 18, slightly raised'.
        summary               TEXT NOT NULL,
        notes                 TEXT,
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        updated_by            TEXT NOT NULL REFERENCES users (id),
        version               INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX psychometric_administrations_case ON psychometric_administrations (case_id, administered_on);
    `);
    const insert = db.prepare(
      `INSERT INTO psychometric_instruments (id, name, respondent, version_label, scales, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = new Date().toISOString();
    for (const s of SEED) insert.run(s.id, s.name, s.respondent, s.version, JSON.stringify(s.scales), at, at);
  },
};
