import type { Migration } from './index';

/**
 * Teaching and training: packages (reused by later events, each with a current materials
 * version), the events that delivered them, and the materials of each package version.
 *
 * None of these belongs to a case: there is no `case_id`, they do not travel in case bundles,
 * and their audit rows name their own entity kinds. Trainers are a JSON array of user ids the
 * service checks before writing. Confidence averages are stored as whole tenths (6.5 -> 65) so
 * "one decimal place" is exact in the database. A material's bytes are an encrypted blob in the
 * vault's blob store, at the path its id gives (`blobs/xx/<id>.bin`), exactly as a document's.
 */
export const m0140Training: Migration = {
  version: 140,
  name: 'training packages, events and materials',
  up(db) {
    db.exec(`
      CREATE TABLE training_packages (
        id                        TEXT PRIMARY KEY,
        title                     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary                   TEXT NOT NULL,
        audience_sectors          TEXT NOT NULL
          CHECK (json_valid(audience_sectors) AND json_type(audience_sectors) = 'array'),
        current_materials_version INTEGER NOT NULL CHECK (current_materials_version BETWEEN 1 AND 999),
        created_at                TEXT NOT NULL,
        created_by                TEXT NOT NULL REFERENCES users (id),
        updated_at                TEXT NOT NULL,
        updated_by                TEXT NOT NULL REFERENCES users (id),
        version                   INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE training_events (
        id                   TEXT PRIMARY KEY,
        title                TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        package_id           TEXT NOT NULL REFERENCES training_packages (id),
        tailoring            TEXT NOT NULL,
        organisation         TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
        sector               TEXT NOT NULL
          CHECK (sector IN ('social_care', 'health', 'education', 'police', 'university', 'conference')),
        start_date           TEXT NOT NULL,
        end_date             TEXT NOT NULL CHECK (end_date >= start_date),
        delivery             TEXT NOT NULL CHECK (delivery IN ('in_person', 'virtual')),
        trainer_ids          TEXT NOT NULL CHECK (json_valid(trainer_ids) AND json_type(trainer_ids) = 'array'),
        co_trainers          TEXT NOT NULL,
        attendees            INTEGER NOT NULL CHECK (attendees >= 1),
        evaluations_returned INTEGER CHECK (evaluations_returned IS NULL OR evaluations_returned BETWEEN 0 AND attendees),
        -- Whole tenths of a point: 0..100 for 0.0..10.0.
        pre_confidence       INTEGER CHECK (pre_confidence IS NULL OR pre_confidence BETWEEN 0 AND 100),
        post_confidence      INTEGER CHECK (post_confidence IS NULL OR post_confidence BETWEEN 0 AND 100),
        themes               TEXT NOT NULL,
        materials_version    INTEGER NOT NULL CHECK (materials_version >= 1),
        created_at           TEXT NOT NULL,
        created_by           TEXT NOT NULL REFERENCES users (id),
        updated_at           TEXT NOT NULL,
        updated_by           TEXT NOT NULL REFERENCES users (id),
        removed_at           TEXT,
        removed_by           TEXT REFERENCES users (id),
        removed_reason       TEXT,
        version              INTEGER NOT NULL DEFAULT 1,
        CHECK ((removed_at IS NULL) = (removed_by IS NULL AND removed_reason IS NULL))
      ) STRICT;
      -- The Training area: newest first, optionally one sector, within a period; removed rows left out.
      CREATE INDEX training_events_listed ON training_events (start_date DESC, id) WHERE removed_at IS NULL;
      CREATE INDEX training_events_sector ON training_events (sector, start_date DESC, id) WHERE removed_at IS NULL;
      CREATE INDEX training_events_package ON training_events (package_id) WHERE removed_at IS NULL;

      CREATE TABLE training_materials (
        id                TEXT PRIMARY KEY,
        package_id        TEXT NOT NULL REFERENCES training_packages (id),
        materials_version INTEGER NOT NULL CHECK (materials_version >= 1),
        title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        original_filename TEXT NOT NULL,
        media_type        TEXT NOT NULL,
        size_bytes        INTEGER NOT NULL CHECK (size_bytes >= 0),
        sha256            TEXT NOT NULL,
        blob_format       INTEGER NOT NULL,
        chunk_size        INTEGER NOT NULL,
        uploaded_by       TEXT NOT NULL REFERENCES users (id),
        uploaded_at       TEXT NOT NULL,
        version           INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX training_materials_package ON training_materials (package_id, materials_version);
    `);
  },
};
