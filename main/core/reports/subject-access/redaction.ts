/**
 * Turning the records into what the requester may see, item by item, and the log of what was
 * taken out. An item the source flagged as third-party information is replaced whole by a
 * visible block; in every other item the names of third parties (and of other families) are
 * replaced wherever they appear, and a field whose meaning is the harmed person ("who was
 * harmed") is withheld whatever the flag. Each redaction is logged with the original, which only
 * the reviewer's copy prints.
 */
import { redactNames, namePatterns, type RedactedName } from './redact-names';
import type { VictimField } from './victim-fields';

/** What stands in the requester's copy for a withheld item. */
export const redactedBlock = (item: number) => `Redacted: third-party information, item ${item}`;

/** What stands in the requester's copy for a victim field's value. */
export const VICTIM_WITHHELD = '[withheld: third-party information]';

/** Why a victim field is withheld, for the log. */
export const victimWhy = (label: string) => `“${label}” is third-party information (the harmed person)`;

/** One item before redaction: a row of the people or the records table. */
export interface SourceItem {
  date: string;
  kind: string;
  text: string;
  flagged: boolean;
  /** Fields of the item whose meaning is the harmed person: always withheld. */
  victimFields?: readonly VictimField[];
}

/** One item as released: its number, and its text with anything withheld taken out. */
export interface ReleasedItem {
  item: number;
  date: string;
  kind: string;
  text: string;
  withheld: boolean;
}

/** One line of the reviewer's redaction log. */
export interface Redaction {
  item: number;
  date: string;
  kind: string;
  why: string;
  original: string;
}

export interface Redactor {
  /** Number and redact the next item. */
  release(source: SourceItem): ReleasedItem;
  /** A whole thing withheld that is not an item of the records (a marked document), logged with why. */
  withhold(kind: string, date: string, why: string, original: string): void;
  /** Redact names from a fact that is not an item of its own (the referral's reason), logged under `label`. */
  fact(label: string, date: string, text: string): string;
  readonly log: readonly Redaction[];
  /** Counts for the audit row. */
  counts(): { items: number; itemsWithheld: number; itemsWithNamesRedacted: number; victimFieldsWithheld: number };
}

const nameWhy = (found: readonly RedactedName[]) =>
  `Name match: ${found.map((p) => `${p.name} (${p.why})`).join('; ')}`;

/**
 * A redactor for the names in `names`, keeping name parts the requester's own family shares
 * (`keep`). Items are numbered from 1 in the order they are released.
 */
export function makeRedactor(names: readonly RedactedName[], keep: readonly string[]): Redactor {
  const patterns = namePatterns(names, keep);
  const log: Redaction[] = [];
  let next = 0;
  let withheld = 0;
  let named = 0;
  let victims = 0;
  return {
    log,
    release(source) {
      next += 1;
      const item = next;
      const fields = source.victimFields ?? [];
      if (source.flagged) {
        withheld += 1;
        log.push({
          item,
          date: source.date,
          kind: source.kind,
          why: 'Flagged as third-party information',
          // The reviewer sees the whole of what was withheld, victim fields included.
          original: [source.text, ...fields.map((f) => `${f.label}: ${f.value}`)].join(' '),
        });
        return { item, date: source.date, kind: source.kind, text: redactedBlock(item), withheld: true };
      }
      const { text, found } = redactNames(source.text, patterns);
      if (found.length > 0) {
        named += 1;
        log.push({ item, date: source.date, kind: source.kind, why: nameWhy(found), original: source.text });
      }
      for (const f of fields) {
        victims += 1;
        log.push({
          item,
          date: source.date,
          kind: source.kind,
          why: victimWhy(f.label),
          original: `${f.label}: ${f.value}`,
        });
      }
      const shown = [text, ...fields.map((f) => `${f.label}: ${VICTIM_WITHHELD}`)].join(' ');
      return { item, date: source.date, kind: source.kind, text: shown, withheld: false };
    },
    withhold(kind, date, why, original) {
      log.push({ item: 0, date, kind, why, original });
    },
    fact(label, date, text) {
      const { text: out, found } = redactNames(text, patterns);
      if (found.length > 0) {
        named += 1;
        log.push({ item: 0, date, kind: label, why: nameWhy(found), original: text });
      }
      return out;
    },
    counts: () => ({
      items: next,
      itemsWithheld: withheld,
      itemsWithNamesRedacted: named,
      victimFieldsWithheld: victims,
    }),
  };
}
