/** Flags on a case: something to address, by a date, until someone clears it with a note. */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { ANY_USER, CASE_WRITERS, channel } from './define';

export const flagSchema = z
  .object({
    reason: z.string().trim().min(1, 'Say why the case is flagged.').max(2000),
    addressBy: isoDateSchema.nullable().default(null),
  })
  .strict();

export type FlagState = 'open' | 'overdue' | 'cleared';

export interface FlagView {
  id: string;
  caseId: string;
  reason: string;
  raisedBy: string;
  raisedByName: string;
  raisedAt: string;
  addressBy: string | null;
  clearedAt: string | null;
  clearedBy: string | null;
  clearingNote: string | null;
  state: FlagState;
  version: number;
}

export const flagChannels = {
  /** Raise a flag on a case. An address-by date in the past is refused. */
  'flag:raise': channel<FlagView>()(z.object({ caseId: idSchema, flag: flagSchema }).strict(), CASE_WRITERS),
  /** Clear a flag, saying how it was addressed. The flag is kept, cleared, in the case's history. */
  'flag:clear': channel<FlagView>()(
    z
      .object({ flagId: idSchema, note: z.string().trim().min(1, 'Say how the flag was addressed.').max(2000) })
      .strict(),
    CASE_WRITERS,
  ),
  /** Every flag of a case, open first, with history (cleared flags are never deleted). */
  'flag:list': channel<FlagView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
} as const;
