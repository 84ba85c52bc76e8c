/**
 * Case bundles between colleagues: your key card, the colleague directory, export and import.
 * Bundle files never cross IPC and the renderer never names a path: an export is written to
 * the vault's own `outbox/` and downloaded over the page's origin (`bundles/<bundleId>`); an
 * import is uploaded to `bundles/upload` (into the vault's `inbox/`) and then referred to by
 * the `inboxId` that route returned. See `transportToken` in the Api type.
 */
import { z } from 'zod';
import { idSchema } from './case-records';
import { ANY_USER, CASE_WRITERS, channel } from './define';

/** The key card: what a colleague needs to send you bundles and to check bundles from you. */
export interface KeyCardView {
  name: string;
  service: string;
  userId: string;
  /** age X25519 recipient (age1...). */
  ageRecipient: string;
  /** Ed25519 public key, base64url. */
  signingKey: string;
  /** Five groups of four characters, to read aloud. */
  fingerprint: string;
  created: string;
}

export interface KeyCardFile {
  fileName: string;
  /** The card file's contents (JSON; no secret). */
  text: string;
}

export type ColleagueStatus = 'verified' | 'unverified' | 'revoked';

export interface ColleagueView {
  id: string;
  name: string;
  service: string;
  ageRecipient: string;
  fingerprint: string;
  status: ColleagueStatus;
  addedAt: string;
  verifiedAt: string | null;
  revokedAt: string | null;
}

/** One part of a case that can be chosen for a bundle. */
export interface BundlePart {
  /** Module name, e.g. `notes`. */
  module: string;
  /** Records that would go (third-party-sensitive ones only when chosen). */
  count: number;
  /** Of those, how many are third-party-sensitive (left out unless chosen). */
  thirdParty: number;
}

export interface BundleDocumentChoice {
  id: string;
  title: string;
  originalFilename: string;
  sizeBytes: number;
  /** Marked as holding third-party information: unticked until the sender chooses it. */
  thirdParty: boolean;
}

/** What a case holds that could go into a bundle. */
export interface BundleContentsView {
  caseId: string;
  reference: string;
  displayName: string;
  parts: BundlePart[];
  documents: BundleDocumentChoice[];
}

export interface BundleExportView {
  bundleId: string;
  caseReference: string;
  /** Suggested name for the downloaded file. */
  fileName: string;
  records: number;
  documents: number;
  documentBytes: number;
  /** Who can open it: colleagues with fingerprints, raw recipients, or "passphrase". */
  recipients: string[];
}

export type SenderStatus = 'self' | 'verified' | 'unverified' | 'unknown' | 'revoked';
export type RecordDecision = 'new' | 'update' | 'unchanged' | 'keep-local' | 'conflict';

export interface BundlePreviewView {
  bundleId: string;
  caseId: string;
  /** The sender's reference for the case. */
  caseReference: string;
  caseAction: 'new' | 'update';
  /** The reference here: null when a clash means a new local number is given on apply. */
  localReference: string | null;
  referenceClash: boolean;
  /** Whose case it is, e.g. "Jamie Example, born 04/03/2012". */
  caseTitle: string | null;
  alreadyImported: boolean;
  sender: { name: string; service: string; fingerprint: string; status: SenderStatus };
  created: string;
  basis: string;
  counts: Record<RecordDecision, number>;
  documents: { new: number; present: number };
  modules: { module: string; counts: Record<RecordDecision, number> }[];
}

export type BundlePreviewResult = { state: 'passphrase-needed' } | { state: 'ready'; preview: BundlePreviewView };

export interface BundleApplyView {
  caseId: string;
  localReference: string | null;
  /** False when this bundle had been imported before (nothing changed). */
  applied: boolean;
  conflicts: number;
}

export interface ConflictView {
  id: string;
  caseId: string;
  module: string;
  recordId: string;
  bundleId: string;
  senderName: string | null;
  createdAt: string;
  localVersion: number;
  incomingVersion: number;
  differences: { field: string; mine: string; theirs: string }[];
  /**
   * Set when this vault's record is locked (e.g. its report was signed off here): why, naming
   * the sign-off. The sender's version cannot be taken; corrections are addenda.
   */
  locked?: string;
  /**
   * Whether "keep both" is offered: only for a document whose content differs from ours, where
   * the sender's version can become a document of its own on the case beside this vault's.
   */
  keepBoth: boolean;
}

const inboxId = z.uuid('Not a valid bundle upload.');
const moduleName = z.string().regex(/^[a-z0-9-]{1,40}$/);
const ageRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'Not an age recipient (age1...).');
const passphrase = z.string().max(1000);

export const bundleExportSchema = z
  .object({
    caseId: idSchema,
    include: z
      .object({
        /** Parts to include (default all); the case itself always goes. */
        modules: z.array(moduleName).max(50).optional(),
        /** Documents to include (default all of the case's). */
        documentIds: z.array(idSchema).max(10_000).optional(),
        /** Include notes and people marked third-party-sensitive. */
        thirdParty: z.boolean(),
      })
      .strict(),
    recipients: z
      .object({
        colleagueIds: z.array(idSchema).max(50).default([]),
        raw: z.array(ageRecipient).max(50).default([]),
      })
      .strict()
      .optional(),
    passphrase: passphrase.optional(),
    /** The Caldicott basis for sharing: recorded in the bundle and the audit log. */
    basis: z.string().trim().min(3, 'Record the basis for sharing.').max(2000),
  })
  .strict();

export const bundleChannels = {
  /** Your key card (your bundle keys are made the first time). */
  'key:myCard': channel<KeyCardView>()(z.object({}).strict(), ANY_USER),
  /** Your key card as a small file to give colleagues. */
  'key:exportCard': channel<KeyCardFile>()(z.object({}).strict(), ANY_USER),

  'colleague:list': channel<ColleagueView[]>()(z.object({}).strict(), ANY_USER),
  /** Add a colleague's card (unverified until you compare the fingerprint with them). */
  'colleague:importCard': channel<ColleagueView>()(
    z
      .object({
        cardText: z.string().min(1, 'The card file is empty.').max(20_000, 'That file is too large to be a key card.'),
      })
      .strict(),
    CASE_WRITERS,
  ),
  'colleague:verify': channel<ColleagueView>()(z.object({ colleagueId: idSchema }).strict(), CASE_WRITERS),
  'colleague:revoke': channel<ColleagueView>()(
    z
      .object({ colleagueId: idSchema, reason: z.string().trim().min(1, 'Say why the card is revoked.').max(500) })
      .strict(),
    CASE_WRITERS,
  ),

  /** A generated passphrase to suggest, and whether this computer allows passphrase bundles. */
  'bundle:preparePassphrase': channel<{ passphrase: string; allowed: boolean }>()(z.object({}).strict(), CASE_WRITERS),
  /** What a case holds that could go into a bundle (audited as a read of the case). */
  'bundle:contents': channel<BundleContentsView>()(z.object({ caseId: idSchema }).strict(), CASE_WRITERS),
  /** Write the bundle to the vault's outbox; download it from `bundles/<bundleId>`. Audited. */
  'bundle:export': channel<BundleExportView>()(bundleExportSchema, CASE_WRITERS),
  /** Check an uploaded bundle and say what applying it would do. Changes nothing. */
  'bundle:preview': channel<BundlePreviewResult>()(
    z.object({ inboxId, passphrase: passphrase.optional() }).strict(),
    CASE_WRITERS,
  ),
  /** Apply an uploaded bundle in one transaction; the upload is removed afterwards. Audited. */
  'bundle:apply': channel<BundleApplyView>()(
    z
      .object({
        inboxId,
        passphrase: passphrase.optional(),
        /** The person has compared the fingerprint of a sender who is not a verified colleague. */
        acceptUnknownSender: z.boolean().default(false),
      })
      .strict(),
    CASE_WRITERS,
  ),
  /** Throw away an uploaded bundle without importing it. */
  'bundle:discard': channel<null>()(z.object({ inboxId }).strict(), CASE_WRITERS),

  /** Open conflicts of a case: records both sides changed. */
  'bundle:conflicts': channel<ConflictView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
  /**
   * Resolve one conflict: keep this vault's version, take the sender's, or (a document whose
   * content differs, `ConflictView.keepBoth`) keep both, the sender's as a new document. Audited.
   */
  'bundle:resolveConflict': channel<{ caseId: string; remaining: number }>()(
    z.object({ conflictId: idSchema, resolution: z.enum(['keep-mine', 'take-theirs', 'keep-both']) }).strict(),
    CASE_WRITERS,
  ),
} as const;
