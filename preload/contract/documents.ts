/**
 * Document (attachment) channels: metadata only. File bytes never cross IPC: uploads and
 * viewing go through the streaming routes (`app://ncats/documents/...` in Electron,
 * `/documents/...` on the browser host), and the one way plaintext reaches the disk is the
 * explicit, audited `document:exportToFile`.
 */
import { z } from 'zod';
import { idSchema } from './common';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import type { SearchWindowPage } from './paging';

export const DOCUMENT_OWNER_TYPES = ['case', 'consultation', 'assessment', 'session'] as const;
export const documentOwnerTypeSchema = z.enum(DOCUMENT_OWNER_TYPES);
export type DocumentOwnerType = z.infer<typeof documentOwnerTypeSchema>;

const documentId = z.uuid('Not a valid document id.');
export const documentTitleSchema = z.string().trim().min(1, 'Give the document a title.').max(300);
export const documentDescriptionSchema = z.string().trim().max(4000).nullable();

/** What the app knows about one stored document. */
export interface DocumentView {
  id: string;
  caseId: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  title: string;
  description: string | null;
  originalFilename: string;
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the plaintext, hex: lets anyone check an exported copy. */
  sha256: string;
  /**
   * Holds third-party information (about a victim, a sibling): left unticked when the case is
   * sent, and withheld from a subject access requester's copy.
   */
  thirdParty: boolean;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
  updatedAt: string;
  /** Row version for optimistic concurrency on `document:update`. */
  version: number;
}

export interface DocumentExportResult {
  path: string;
  sizeBytes: number;
  sha256: string;
}

/** One document whose title or description matches a full-text search. */
export interface DocumentSearchResult {
  caseId: string;
  /** The case's reference and the young person's name (or initials), to say whose case it is. */
  reference: string;
  displayName: string;
  documentId: string;
  title: string;
  /** The matching text with the searched words wrapped in `[` `]`: render as text, never HTML. */
  snippet: string;
  uploadedAt: string;
}

/**
 * A page of document-search results within one window of matching documents (see
 * `SearchWindowPage`), grouped by case: the case with the most recently added match first, its
 * documents newest first.
 */
export type DocumentSearchPage = SearchWindowPage<DocumentSearchResult>;

export const documentChannels = {
  /** A case's documents (not deleted), newest first. Optionally only those of one owner. */
  'document:list': channel<DocumentView[]>()(
    z
      .object({
        caseId: idSchema,
        ownerType: documentOwnerTypeSchema.optional(),
        ownerId: idSchema.optional(),
      })
      .strict(),
    ANY_USER,
  ),

  /** One document's metadata. */
  'document:get': channel<DocumentView>()(z.object({ documentId }).strict(), ANY_USER),

  /**
   * Change title, description and/or the third-party marking; CONFLICT when it changed since
   * `expectedVersion`. Audited as `document.update` with the fields changed (and the marking).
   */
  'document:update': channel<DocumentView>()(
    z
      .object({
        documentId,
        expectedVersion: z.int().min(1),
        title: documentTitleSchema.optional(),
        description: documentDescriptionSchema.optional(),
        thirdParty: z.boolean().optional(),
      })
      .strict(),
    CASE_WRITERS,
  ),

  /** Soft delete: hidden everywhere; the encrypted file is kept until a reviewed disposal. */
  'document:delete': channel<null>()(
    z.object({ documentId, reason: z.string().trim().max(2000).nullable().default(null) }).strict(),
    CASE_WRITERS,
  ),

  /**
   * Write one document, decrypted, to `path` (chosen by the user in a save dialog). Refuses to
   * overwrite an existing file. Audited as `document.export`.
   */
  /**
   * Save an unencrypted copy of one document where the user chooses in a native save dialog
   * (Electron). The renderer never names the path. Null when the user cancels. Under the
   * browser host there is no dialog: use the download link (`documents/<id>?disposition=attachment`),
   * which is audited as an export too.
   */
  'document:exportToFile': channel<DocumentExportResult | null>()(z.object({ documentId }).strict(), CASE_WRITERS),
} as const;
