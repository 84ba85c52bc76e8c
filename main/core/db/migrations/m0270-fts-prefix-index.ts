import type { Migration } from './index';

/**
 * The prefix lengths the full-text tables index (FTS5's `prefix` option). Every search matches
 * its last word as a prefix (`"school"*`, results while typing), and without an index for that
 * length FTS5 merges the whole doclist of every term with the prefix before it can return the
 * newest match, so a common word cost in proportion to the vault (the walk for `school` took
 * 4.8 ms at 10,000 cases and 20 ms at 50,000; a single letter 116 and 429 ms). With one, the
 * prefix is a single term read newest first and the walk stops after its window (0.2-1.5 ms at
 * either size). FTS5 uses a prefix index only for a prefix of exactly its length (in
 * characters, after the porter stemmer), so every length up to 12 is indexed: longer stems are
 * rare words with short doclists. The cost: the notes index grows from 29 MB to 131 MB at
 * 10,000 cases (short stems share their prefixes), and each note written adds its words to
 * every prefix index. Rebuilding took 25-40 s at 10,000 cases and 210-235 s at 50,000 (with the
 * pre-migration backup, on a loaded machine).
 */
export const FTS_PREFIX_LENGTHS = '1 2 3 4 5 6 7 8 9 10 11 12';

/**
 * Full-text search, bounded: `notes_fts` and `documents_fts` recreated with prefix indexes and
 * rebuilt from their content. FTS5 cannot add a prefix index to an existing table. The
 * tokenizer, columns and external content are those of migrations 30 and 40, so every search
 * matches what it matched before. The triggers that keep the tables in step are on `notes` and
 * `documents` and name the FTS tables, so they go on working on the new tables unchanged.
 * Notes are all indexed (`rebuild` reads them all); a deleted document is not (its triggers
 * index live documents only), so documents are re-added by hand.
 *
 * Both tables are set to FTS5's `secure-delete` (kept in their config, so it holds for every
 * connection): a deleted or edited row's terms are removed from the index as it is deleted, in
 * every prefix index too, instead of staying in older segments until a merge. Disposal used to
 * merge each whole index (`optimize`) to be rid of them, which with the prefix indexes took 7 s
 * at 10,000 cases and would grow with the vault.
 */
export const m0270FtsPrefixIndex: Migration = {
  version: 270,
  name: 'full-text search: prefix indexes on notes and documents',
  up(db) {
    db.exec(`
      DROP TABLE notes_fts;
      CREATE VIRTUAL TABLE notes_fts USING fts5 (
        text,
        content = 'notes',
        content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2',
        prefix = '${FTS_PREFIX_LENGTHS}'
      );
      INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');

      DROP TABLE documents_fts;
      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title,
        description,
        content = 'documents',
        content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2',
        prefix = '${FTS_PREFIX_LENGTHS}'
      );
      INSERT INTO documents_fts (documents_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO documents_fts (rowid, title, description)
        SELECT seq, title, description FROM documents WHERE deleted_at IS NULL ORDER BY seq;
    `);
  },
};
