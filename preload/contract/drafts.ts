/**
 * Draft channels: a form half-typed when the vault locks is kept as a draft in the vault (an
 * SQLCipher table, so encrypted at rest like every record) and offered back after sign-in.
 *
 * Drafts are personal: every channel acts on the signed-in user's own drafts only, so one
 * user can neither see nor discard another's. A draft is addressed by its form key (one draft
 * per form and user); its state is the form's own JSON, opaque to the core but bounded in size
 * and depth here, before any handler sees it.
 */
import { z } from 'zod';
import { idSchema } from './case-records';
import { ANY_USER, CASE_WRITERS, channel } from './define';

/**
 * The largest draft kept, as UTF-8 JSON. A note may hold 100,000 characters, and a character
 * can take 3 bytes in UTF-8 (plus JSON escaping), so the limit is set where every valid form
 * fits and no more.
 */
export const DRAFT_MAX_BYTES = 512 * 1024;
/** Forms are flat (fields, lists of choices): anything nested deeper than this is not a form. */
export const DRAFT_MAX_DEPTH = 8;

/**
 * Which form a draft belongs to: `kind[:part...]`, lower-case, e.g. `note:new:<caseId>`,
 * `referral:new`, `young-person:<caseId>`. The kind (the first part) says how to resume it.
 */
export const draftKeySchema = z
  .string()
  .max(200)
  .regex(/^[a-z][a-z0-9-]*(:[a-z0-9-]+)*$/, 'Not a valid draft key.');

/** The first part of a draft key, e.g. `note` for `note:new:<caseId>`. */
export function draftKind(key: string): string {
  return key.split(':')[0] ?? key;
}

/** UTF-8 length of a string, without allocating its encoding. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Why a value cannot be kept as a draft's state, or null when it can: it must be plain JSON
 * (objects, arrays, strings, finite numbers, booleans, null), nested at most DRAFT_MAX_DEPTH
 * deep and at most DRAFT_MAX_BYTES long. The walk stops as soon as the size is exceeded, so a
 * huge input costs no more than the limit to reject.
 */
export function draftStateProblem(value: unknown): string | null {
  let bytes = 0;
  const tooBig = () =>
    `The draft is too large to keep (the limit is ${DRAFT_MAX_BYTES / 1024} KB). Save the form itself instead.`;
  const walk = (v: unknown, depth: number): string | null => {
    if (depth > DRAFT_MAX_DEPTH) return `The draft is nested more than ${DRAFT_MAX_DEPTH} levels deep.`;
    if (v === null || typeof v === 'boolean') bytes += 5;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'The draft holds a number that cannot be stored.';
      bytes += 24;
    } else if (typeof v === 'string') {
      // Every character is at least a byte: a string longer than the limit is refused uncounted.
      if (v.length > DRAFT_MAX_BYTES) return tooBig();
      bytes += utf8Bytes(v) + 2;
    } else if (Array.isArray(v)) {
      bytes += 2;
      for (const item of v) {
        const problem = walk(item, depth + 1);
        if (problem) return problem;
        bytes += 1;
        if (bytes > DRAFT_MAX_BYTES) return tooBig();
      }
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      bytes += 2;
      for (const [k, item] of Object.entries(v)) {
        bytes += utf8Bytes(k) + 4;
        const problem = walk(item, depth + 1);
        if (problem) return problem;
        if (bytes > DRAFT_MAX_BYTES) return tooBig();
      }
    } else return 'The draft holds something that is not form data.';
    return bytes > DRAFT_MAX_BYTES ? tooBig() : null;
  };
  return walk(value, 0);
}

/** A form's state as JSON, checked by `draftStateProblem`. */
export const draftStateSchema = z.unknown().superRefine((value, ctx) => {
  const problem = value === undefined ? 'The draft is empty.' : draftStateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const draftSaveSchema = z
  .object({
    key: draftKeySchema,
    /** The case the form belongs to, if any: its id must be part of the key. */
    caseId: idSchema.nullable(),
    /** What the offer after sign-in calls it, e.g. "Case note on NC-2025-0042". */
    title: z.string().trim().min(1, 'Give the draft a title.').max(200),
    state: draftStateSchema,
  })
  .strict()
  .refine((d) => d.caseId === null || d.key.split(':').includes(d.caseId), {
    message: 'The draft key does not name its case.',
    path: ['key'],
  });

/** One of my drafts, as the offer after sign-in lists it. */
export interface DraftSummary {
  key: string;
  caseId: string | null;
  /** The case's reference (NC-YYYY-NNNN), when the draft belongs to a case. */
  caseReference: string | null;
  title: string;
  createdAt: string;
  /** When it was last saved (ISO date-time). */
  updatedAt: string;
}

/** A draft with the form state it holds. */
export interface DraftView extends DraftSummary {
  state: unknown;
}

export const draftChannels = {
  /**
   * Keep the form's state as my draft for `key` (replacing the one before). The first save of
   * a draft is audited (`draft.create`, against its case); later autosaves are not.
   */
  'draft:save': channel<DraftSummary>()(draftSaveSchema, CASE_WRITERS),
  /**
   * My drafts, most recently saved first. Drafts of a case that no longer exists or that I may
   * no longer see are left out.
   */
  'draft:list': channel<DraftSummary[]>()(z.object({}).strict(), ANY_USER),
  /** My draft for `key`, or null. Returning one is audited as `draft.restore` against its case. */
  'draft:get': channel<DraftView | null>()(z.object({ key: draftKeySchema }).strict(), ANY_USER),
  /**
   * Remove my draft for `key`: discarded by the user, or no longer needed once the form was
   * saved. Audited as `draft.discard` with the reason. True when there was one.
   */
  'draft:discard': channel<boolean>()(
    z.object({ key: draftKeySchema, reason: z.enum(['discarded', 'submitted']).default('discarded') }).strict(),
    ANY_USER,
  ),
} as const;
