/**
 * manifest.json: what the bundle holds and the SHA-256 of each entry, signed as exact bytes in
 * manifest.sig. Parsed strictly: an unknown format version is refused, never guessed at.
 */
import { z } from 'zod';
import { keyCardSchema } from '../keys/key-card';

export const BUNDLE_FORMAT = 'ncats-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.ncatsbundle';
export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';
export const SUMMARY_NAME = 'summary.pdf';

/** Limits on what an import will read, against resource exhaustion by a hostile bundle. */
export interface BundleLimits {
  maxManifestBytes: number;
  maxEntries: number;
  /** Any one records/*.json entry (held in memory to validate). */
  maxRecordEntryBytes: number;
  /** All records/*.json together. */
  maxRecordBytes: number;
  /** Everything declared in the manifest together. */
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxManifestBytes: 4 * 1024 * 1024,
  maxEntries: 20_000,
  maxRecordEntryBytes: 64 * 1024 * 1024,
  maxRecordBytes: 256 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 ** 3,
};

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestEntrySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('records'),
      name: z.string(),
      module: z.string().regex(/^[a-z0-9-]{1,40}$/),
      schemaVersion: z.int().min(1),
      count: z.int().min(0),
      size: z.int().min(0),
      sha256: sha256Schema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('document'),
      name: z.string(),
      documentId: z.uuid(),
      size: z.int().min(0),
      sha256: sha256Schema,
    })
    .strict(),
  z
    .object({ kind: z.literal('summary'), name: z.literal(SUMMARY_NAME), size: z.int().min(0), sha256: sha256Schema })
    .strict(),
]);
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** Only the format fields, checked first so an unknown version gets its own clear message. */
export const manifestHeadSchema = z.object({ format: z.literal(BUNDLE_FORMAT), formatVersion: z.int() });

export const manifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    bundleId: z.uuid(),
    created: z.iso.datetime({ offset: true }),
    sender: keyCardSchema,
    case: z.object({ id: z.uuid(), reference: z.string().min(1).max(40) }).strict(),
    /** The Caldicott basis for sharing, as the sender recorded it. */
    basis: z.string().min(1).max(2000),
    includesThirdPartySensitive: z.boolean(),
    counts: z.object({ records: z.int().min(0), documents: z.int().min(0) }).strict(),
    entries: z.array(manifestEntrySchema),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

/** The tar entry name of a module's records or a document's content. */
export const recordsEntryName = (module: string) => `records/${module}.json`;
export const documentEntryName = (id: string) => `documents/${id}`;

/** Canonical JSON (sorted keys) so a record's hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
