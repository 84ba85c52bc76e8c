/**
 * The module registry: each part of a case file (the case itself, notes, flags, documents ...)
 * declares how to collect its records for a case, how to validate them (the same zod schemas
 * the router uses) and how to apply them. The bundle code knows nothing about any table.
 */
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Db } from '../db/connection';

/** Every bundled record keeps its UUID and a version that grows with each local change. */
export interface BundleRecord {
  id: string;
  version: number;
}

/** What the sender chose to include. */
export interface CollectOptions {
  /** Notes and people marked third-party-sensitive are left out unless this is true. */
  includeThirdPartySensitive: boolean;
  /** Only these document ids (undefined: all documents of the case). */
  documentIds?: readonly string[];
}

/** Passed to `insert` / `update` while a bundle is applied (inside the one transaction). */
export interface ApplyContext {
  /** The importing user. */
  userId: string;
  now: string;
  bundleId: string;
}

/** A section of the readable summary PDF. */
export interface SummarySection {
  heading: string;
  lines: string[];
}

export interface BundleModule<R extends BundleRecord = BundleRecord> {
  /** Also the entry name `records/<name>.json`: lower-case letters, digits and dashes. */
  name: string;
  /** Raised when the JSON shape of this module's records changes; a newer one is refused. */
  schemaVersion: number;
  /** Validates each incoming record: the same schema as the router's, plus id and version. */
  schema: z.ZodType<R>;
  /** Records never change once written (history rows): an existing one is left alone. */
  insertOnly?: boolean;
  /** Modules applied before this one (e.g. the case before its notes). */
  after?: readonly string[];
  collect(db: Db, caseId: string, options: CollectOptions): R[];
  /**
   * Records this module carries because the other modules' records name them, called once every
   * module has collected, with all of their records: the users module adds every author, signer
   * or facilitator a carried record refers to, so a module added later cannot forget to list its
   * user columns. Records `collect` already gave are not repeated.
   */
  referencedBy?(db: Db, caseId: string, others: readonly BundleRecord[]): R[];
  /** The local record with this id, in the same shape `collect` gives, or null. */
  get(db: Db, id: string): R | null;
  /** Whether this record belongs to the case being imported (refuses records of other cases). */
  belongsTo(record: R, caseId: string): boolean;
  /**
   * Why the local copy of this record may not be changed by a bundle (e.g. its report was signed
   * off on this laptop), in words for the person reviewing conflicts; null when it may. Given the
   * incoming record, so a child row can name its parent. An incoming change to a locked record is
   * a conflict, kept as local, whatever the versions say, and "take theirs" is refused.
   */
  lockedBy?(db: Db, incoming: R): string | null;
  /**
   * Whether an incoming change to this record can never be applied as an update, whatever the
   * versions say, and so always waits as a conflict (a document whose content differs from ours:
   * content never changes in place). Asked only when the versions call for an update or a
   * conflict; an incoming copy that is the version both sides last shared stays "keep local".
   */
  mustConflict?(db: Db, local: R, incoming: R): boolean;
  /** How this module's conflicts are closed, when the generic way (take theirs: update) is not enough. */
  conflicts?: ConflictHandler<R>;
  insert(db: Db, record: R, ctx: ApplyContext): void;
  update(db: Db, record: R, ctx: ApplyContext): void;
  summarise?(records: readonly R[]): SummarySection[];
}

/** How a conflict was closed: by a person's choice, or replaced by a newer bundle's conflict. */
export type ConflictOutcome = 'keep-mine' | 'take-theirs' | 'keep-both' | 'superseded';

/** The facts of a stored conflict a module needs to close it. */
export interface ClosingConflict {
  id: string;
  bundleId: string;
  caseId: string;
  recordId: string;
  senderName: string | null;
  /** When the conflict arrived (ISO). */
  createdAt: string;
}

/** Work to do only once the closing transaction has committed (e.g. removing a blob file). */
export type AfterCommit = () => void;

export interface ConflictHandler<R extends BundleRecord = BundleRecord> {
  /** Whether "keep both" (the incoming version as a record of its own) is offered for this conflict. */
  offersKeepBoth(db: Db, conflict: ClosingConflict): boolean;
  /**
   * Close the conflict inside its transaction (the caller marks it resolved and audits it): for
   * take theirs and keep both, apply the incoming record; for every outcome, drop what was kept
   * for it. Returns what to remove after the commit, so a crash in between leaves an orphan
   * file the sign-in sweep removes, never a row without its file.
   */
  close(
    db: Db,
    conflict: ClosingConflict,
    outcome: ConflictOutcome,
    incoming: R,
    ctx: ApplyContext,
  ): AfterCommit | null;
}

/** A document's content, carried as its own tar entry `documents/<id>`. */
export interface DocumentBlob {
  id: string;
  size: number;
  /** SHA-256 (hex) of the plaintext, as recorded when the document was attached. */
  sha256: string;
  /**
   * The plaintext, decrypted and authenticated as it is read (the store's blobs are AEAD
   * throughout, with an exact length): the export trusts it without hashing it again.
   */
  open(): Readable | Promise<Readable>;
}

/** Somewhere to put an incoming document before the transaction that makes it visible. */
export interface StagedBlob {
  /**
   * Called inside the import transaction once every record has been applied and every conflict
   * recorded (e.g. to keep a sender's version for its conflict).
   */
  commit(db: Db, ctx: ApplyContext): void;
  /** Called when the import fails or is abandoned: removes anything written. */
  discard(): void;
  /** Called once the import has committed: removes what the commit found no use for. */
  committed?(): void;
}

export interface DocumentStore {
  /** The documents of a case to carry (after the sender's choice). */
  list(db: Db, caseId: string, options: CollectOptions): DocumentBlob[];
  /** Whether this vault already holds this document's content. */
  has(db: Db, id: string, sha256: string): boolean;
  /** Encrypt and store the incoming content, not yet visible; checked against size and hash by the caller too. */
  stage(
    id: string,
    expected: { size: number; sha256: string; caseId: string },
    body: AsyncIterable<Uint8Array>,
  ): Promise<StagedBlob>;
}

/** How to find a case: the root of every bundle. */
export interface CaseLocator {
  findByReference(db: Db, reference: string): { id: string; reference: string } | null;
  exists(db: Db, caseId: string): boolean;
  /** The case's reference in this vault (it may differ from the sender's after a clash). */
  referenceOf?(db: Db, caseId: string): string | null;
  /** Whose case the incoming records are about (e.g. "Jamie Example, born 04/03/2012"), for the preview. */
  describe?(records: ReadonlyMap<string, readonly BundleRecord[]>): string | null;
}

/**
 * How a case shows that a bundle brought conflicts (both sides changed the same records):
 * called inside the import transaction, and again when the last one has been resolved.
 */
export interface ConflictHooks {
  raised(db: Db, caseId: string, count: number, ctx: ApplyContext): void;
  allResolved(db: Db, caseId: string, ctx: ApplyContext): void;
}

export interface BundleRegistry {
  cases: CaseLocator;
  modules: readonly BundleModule[];
  documents?: DocumentStore;
  conflicts?: ConflictHooks;
}

/** Modules in an order where each comes after those it names in `after`. */
export function applyOrder(modules: readonly BundleModule[]): BundleModule[] {
  const done = new Set<string>();
  const out: BundleModule[] = [];
  const visit = (m: BundleModule, path: string[]) => {
    if (done.has(m.name)) return;
    if (path.includes(m.name))
      throw new Error(`bundle modules depend on each other in a cycle: ${[...path, m.name].join(' -> ')}`);
    for (const dep of m.after ?? []) {
      const d = modules.find((x) => x.name === dep);
      if (d) visit(d, [...path, m.name]);
    }
    done.add(m.name);
    out.push(m);
  };
  for (const m of modules) visit(m, []);
  return out;
}
