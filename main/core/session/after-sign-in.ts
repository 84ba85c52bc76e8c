/**
 * Work that runs in the background after every sign-in (create, unlock, recover), once the
 * schema is migrated. Each task must be resumable and must stop on its own when the vault is
 * locked; a failure is logged, never shown as a failed sign-in.
 */
import { migrateDocumentBlobs } from '../documents/blob-migration';
import type { OpenVault } from '../vault/vault';

export const AFTER_SIGN_IN: readonly { name: string; run(vault: OpenVault): Promise<unknown> }[] = [
  // Issue 15: format 1 document blobs re-encrypted as age files (migration 190).
  { name: 'document blob re-encryption', run: (vault) => migrateDocumentBlobs(vault) },
];
