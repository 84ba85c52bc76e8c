import type { Db } from '../connection';
import { AppError } from '../../errors';
import { m0010Vault } from './m0010-vault';
import { m0020Cases } from './m0020-cases';
import { m0030Casework } from './m0030-casework';
import { m0040Documents } from './m0040-documents';
import { m0050Bundles } from './m0050-bundles';
import { m0060YoungPersonIdentity } from './m0060-young-person-identity';
import { m0070Drafts } from './m0070-drafts';
import { m0080Consultations } from './m0080-consultations';
import { m0090Assessments } from './m0090-assessments';
import { m0100Psychometrics } from './m0100-psychometrics';
import { m0110Attachment } from './m0110-attachment';
import { m0120Interventions } from './m0120-interventions';
import { m0130SafeHome } from './m0130-safe-home';
import { m0140Training } from './m0140-training';
import { m0150StatisticsIndexes } from './m0150-statistics-indexes';
import { m0170Backups } from './m0170-backups';
import { m0180VaultKey } from './m0180-vault-key';
import { m0190DocumentAgeIdentity } from './m0190-document-age-identity';
import { m0200Retention } from './m0200-retention';
import { m0220PasswordChangeRequired } from './m0220-password-change-required';
import { m0230DocumentBlobId } from './m0230-document-blob-id';
import { m0240DocumentThirdParty } from './m0240-document-third-party';
import { m0260RetentionCareDeclined } from './m0260-retention-care-declined';
import { m0270FtsPrefixIndex } from './m0270-fts-prefix-index';
import { m0280ClockOpen } from './m0280-clock-open';
import { m0290StatisticsMonthTallies } from './m0290-statistics-month-tallies';
import { m0300OpenAssessmentOrder } from './m0300-open-assessment-order';
import { m0310SafeHomeRunList } from './m0310-safe-home-run-list';

export interface Migration {
  /** Numbered in steps of 10 so a fix can slot in between two released migrations. */
  version: number;
  name: string;
  up(db: Db): void;
}

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  m0010Vault,
  m0020Cases,
  m0030Casework,
  m0040Documents,
  m0050Bundles,
  m0060YoungPersonIdentity,
  m0070Drafts,
  m0080Consultations,
  m0090Assessments,
  m0100Psychometrics,
  m0110Attachment,
  m0120Interventions,
  m0130SafeHome,
  m0140Training,
  m0150StatisticsIndexes,
  m0170Backups,
  m0180VaultKey,
  m0190DocumentAgeIdentity,
  m0200Retention,
  m0220PasswordChangeRequired,
  m0230DocumentBlobId,
  m0240DocumentThirdParty,
  m0260RetentionCareDeclined,
  m0270FtsPrefixIndex,
  m0280ClockOpen,
  m0290StatisticsMonthTallies,
  m0300OpenAssessmentOrder,
  m0310SafeHomeRunList,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the schema up to date: all pending migrations run in one transaction, so a failure
 * leaves the database exactly as it was. A database written by a newer version of the app is
 * refused rather than guessed at.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer version of the app (schema ${from}; this version knows up to ${latest}). Update the app to open it.`,
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: latest };
}
