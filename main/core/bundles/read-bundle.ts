/**
 * Read and check a bundle from start to end in one streaming pass: decrypt, walk the tar
 * strictly, check the manifest's signature, each entry's name, size and SHA-256 against the
 * manifest, the limits, and every record against its module's schema. Documents go to a sink
 * (hash only for a preview; the encrypted document store for an import). Nothing is trusted
 * until the whole file has been read without error: on any failure whatever the sink staged
 * is discarded before the error is thrown.
 */
import { createHash } from 'node:crypto';
import { HashedSource } from '../documents/hashed-source';
import { verifyBytes } from '../keys/user-keys';
import { decryptFile } from './age-stream';
import { BundleError } from './bundle-error';
import {
  BUNDLE_FORMAT_VERSION,
  DEFAULT_LIMITS,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  documentEntryName,
  manifestHeadSchema,
  manifestSchema,
  recordsEntryName,
  type BundleLimits,
  type Manifest,
  type ManifestEntry,
} from './manifest';
import type { BundleRecord, BundleRegistry, StagedBlob } from './registry';
import { readTar, type TarEntry } from './tar-reader';

export interface ReadOptions {
  identities: readonly string[];
  passphrase?: string;
  limits?: Partial<BundleLimits>;
  /** Called once the signed manifest is known, before any other entry is read; may throw to stop. */
  onManifest?(manifest: Manifest): void;
  /** Where document content goes. Must read the body to its end. */
  documentSink(
    entry: Extract<ManifestEntry, { kind: 'document' }>,
    body: AsyncIterable<Uint8Array>,
  ): Promise<StagedBlob | null>;
}

export interface BundleContents {
  manifest: Manifest;
  /** Validated records by module name. */
  records: Map<string, BundleRecord[]>;
  staged: StagedBlob[];
}

const SIGNATURE_MAX = 200;

function tampered(detail: string): BundleError {
  return new BundleError(
    'tampered',
    `The bundle has been altered since it was signed (${detail}). It was not imported.`,
  );
}

async function readAll(entry: TarEntry): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const piece of entry.body) parts.push(piece);
  return Buffer.concat(parts);
}

function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BundleError('not-a-bundle', 'The bundle’s manifest is not readable. This is not an NCATS bundle.');
  }
  const head = manifestHeadSchema.safeParse(json);
  if (!head.success) throw new BundleError('not-a-bundle', 'This archive is not an NCATS case bundle.');
  if (head.data.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      'unknown-format',
      `This bundle is in format version ${head.data.formatVersion}; this version of the app reads version ${BUNDLE_FORMAT_VERSION}. Update the app, or ask the sender for an older format.`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw tampered(`its manifest is not valid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  return parsed.data;
}

/** Structural checks on the manifest: names, uniqueness, limits. */
function checkManifest(manifest: Manifest, limits: BundleLimits): void {
  if (manifest.entries.length > limits.maxEntries) {
    throw new BundleError(
      'too-large',
      `The bundle lists ${manifest.entries.length} entries; the limit is ${limits.maxEntries}. It was not imported.`,
    );
  }
  const names = new Set<string>();
  let total = 0;
  let recordBytes = 0;
  for (const e of manifest.entries) {
    const expectedName =
      e.kind === 'records'
        ? recordsEntryName(e.module)
        : e.kind === 'document'
          ? documentEntryName(e.documentId)
          : e.name;
    if (e.name !== expectedName || names.has(e.name)) throw tampered(`entry ${e.name} is misnamed or repeated`);
    names.add(e.name);
    total += e.size;
    if (e.kind === 'records') {
      if (e.size > limits.maxRecordEntryBytes)
        throw new BundleError('too-large', `The records in ${e.name} are larger than allowed. It was not imported.`);
      recordBytes += e.size;
    }
  }
  if (recordBytes > limits.maxRecordBytes || total > limits.maxTotalBytes) {
    throw new BundleError('too-large', 'The bundle is larger than this app accepts. It was not imported.');
  }
}

/** Validate one module's records file against the registry. */
function parseRecords(
  registry: BundleRegistry,
  manifest: Manifest,
  entry: Extract<ManifestEntry, { kind: 'records' }>,
  bytes: Buffer,
): BundleRecord[] {
  const module = registry.modules.find((m) => m.name === entry.module);
  if (!module)
    throw new BundleError(
      'unknown-format',
      `The bundle holds "${entry.module}" records, which this version of the app does not know. Update the app.`,
    );
  if (entry.schemaVersion > module.schemaVersion) {
    throw new BundleError(
      'unknown-format',
      `The bundle's "${entry.module}" records are from a newer version of the app (schema ${entry.schemaVersion}). Update the app.`,
    );
  }
  let json: { module?: unknown; schemaVersion?: unknown; records?: unknown };
  try {
    json = JSON.parse(bytes.toString('utf8')) as typeof json;
  } catch {
    throw new BundleError('invalid-record', `The ${entry.module} records are not readable.`);
  }
  if (
    json.module !== entry.module ||
    json.schemaVersion !== entry.schemaVersion ||
    !Array.isArray(json.records) ||
    json.records.length !== entry.count
  ) {
    throw new BundleError('invalid-record', `The ${entry.module} records do not match the manifest.`);
  }
  const seen = new Set<string>();
  return json.records.map((raw, index) => {
    const parsed = module.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BundleError(
        'invalid-record',
        `Record ${index + 1} of "${entry.module}" is not valid (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}). Nothing was imported.`,
      );
    }
    const record = parsed.data;
    if (seen.has(record.id))
      throw new BundleError('invalid-record', `The ${entry.module} records hold the same id twice.`);
    seen.add(record.id);
    if (!module.belongsTo(record, manifest.case.id))
      throw new BundleError(
        'wrong-case',
        `A ${entry.module} record belongs to a different case than the bundle's. Nothing was imported.`,
      );
    return record;
  });
}

export async function readBundle(
  file: string,
  registry: BundleRegistry,
  options: ReadOptions,
): Promise<BundleContents> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const staged: StagedBlob[] = [];
  let closeTar: (() => Promise<unknown>) | undefined;
  try {
    const plaintext = decryptFile(file, {
      identities: options.identities,
      ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
    });
    const tar = readTar(plaintext[Symbol.asyncIterator](), {
      maxEntrySize: Math.max(limits.maxManifestBytes, limits.maxTotalBytes),
    });
    closeTar = () => tar.return(undefined);
    const next = async (): Promise<TarEntry | null> => {
      const r = await tar.next();
      return r.done ? null : r.value;
    };

    const first = await next();
    if (!first || first.name !== MANIFEST_NAME)
      throw new BundleError('not-a-bundle', 'This archive is not an NCATS case bundle (no manifest).');
    if (first.size > limits.maxManifestBytes)
      throw new BundleError('too-large', 'The bundle’s manifest is larger than allowed.');
    const manifestBytes = await readAll(first);
    const manifest = parseManifest(manifestBytes);
    const sigEntry = await next();
    if (!sigEntry || sigEntry.name !== SIGNATURE_NAME || sigEntry.size > SIGNATURE_MAX)
      throw tampered('the signature is missing');
    const signature = (await readAll(sigEntry)).toString('utf8').trim();
    if (!verifyBytes(manifest.sender.signingKey, manifestBytes, signature)) {
      throw new BundleError(
        'bad-signature',
        'The bundle’s signature does not match its contents or its sender. It may have been altered. It was not imported.',
      );
    }
    checkManifest(manifest, limits);
    options.onManifest?.(manifest);

    const records = new Map<string, BundleRecord[]>();
    for (const expected of manifest.entries) {
      const entry = await next();
      if (!entry) throw tampered(`entry ${expected.name} is missing`);
      if (entry.name !== expected.name) throw tampered(`found ${entry.name} where ${expected.name} was expected`);
      if (entry.size > expected.size)
        throw new BundleError(
          'too-large',
          `Entry ${entry.name} is larger than the manifest declares. It was not imported.`,
        );
      if (entry.size !== expected.size) throw tampered(`entry ${entry.name} is not the declared size`);
      if (expected.kind === 'document') {
        // Hashed as it passes; the document store takes this digest rather than hashing again.
        const body = new HashedSource(entry.body);
        const blob = await options.documentSink(expected, body);
        if (blob) staged.push(blob);
        // A sink that stopped early must not let the rest be skipped unchecked.
        for await (const piece of entry.body) body.update(piece);
        if (body.digest() !== expected.sha256)
          throw tampered(`document ${expected.documentId} does not match its checksum`);
        continue;
      }
      const bytes = await readAll(entry);
      if (createHash('sha256').update(bytes).digest('hex') !== expected.sha256)
        throw tampered(`${entry.name} does not match its checksum`);
      if (expected.kind === 'records') {
        if (records.has(expected.module)) throw tampered(`${entry.name} appears twice`);
        records.set(expected.module, parseRecords(registry, manifest, expected, bytes));
      }
    }
    if (await next()) throw tampered('it holds entries the manifest does not list');
    const counted = [...records.values()].reduce((n, r) => n + r.length, 0);
    if (
      counted !== manifest.counts.records ||
      manifest.entries.filter((e) => e.kind === 'document').length !== manifest.counts.documents
    ) {
      throw tampered('the counts do not match');
    }
    return { manifest, records, staged };
  } catch (err) {
    for (const blob of staged) blob.discard();
    // Close the decryption stream (and its file handle) rather than leaving it to the collector.
    await closeTar?.().catch(() => undefined);
    throw err;
  }
}
