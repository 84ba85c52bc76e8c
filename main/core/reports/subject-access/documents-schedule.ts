/**
 * The schedule of a case's documents in the young person's subject access copy: each live
 * document with its title, the date it was added, its type, and whether it is disclosed or
 * withheld and why. A document marked as holding third-party information is withheld (its title
 * too, which may name the third party), and logged for the reviewer with its title and file name.
 *
 * The documents themselves are not appended: the project's PDF library (pdfmake) draws new PDFs
 * and cannot embed the pages of an existing one, a document may be any type (Word, image, video),
 * and reading a document's content into the report would be a second way for its plaintext to
 * leave the vault. So the schedule says a disclosed document is supplied separately, and the
 * reviewer's copy lists which files to export through the audited document download.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { ukWhen } from '../format';
import type { Block } from '../model';
import type { Redactor } from './redaction';

interface DocumentRow {
  title: string;
  originalFilename: string;
  mediaType: string;
  uploadedAt: string;
  sha256: string;
  thirdParty: 0 | 1;
}

export const DOCUMENT_WITHHELD_TITLE = '[title withheld: third-party information]';
export const DOCUMENT_WITHHELD_WHY = 'Withheld: marked as holding third-party information';
export const DOCUMENT_SUPPLIED = 'Disclosed: a copy of the file is supplied separately';

/** "application/pdf" -> "PDF": the names a reader knows (as on the Documents tab). */
export function documentType(mediaType: string, filename: string): string {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType.startsWith('image/')) return `Image (${mediaType.slice(6).toUpperCase()})`;
  if (mediaType.startsWith('video/')) return 'Video';
  if (mediaType.startsWith('audio/')) return 'Audio';
  if (mediaType.includes('wordprocessingml') || mediaType === 'application/msword') return 'Word';
  if (mediaType.includes('spreadsheetml') || mediaType === 'application/vnd.ms-excel') return 'Excel';
  if (mediaType === 'text/plain') return 'Text';
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(filename);
  return ext ? (ext[1] ?? '').toUpperCase() : 'File';
}

function readDocuments(db: Db, caseId: string): DocumentRow[] {
  return stmt(
    db,
    `SELECT title, original_filename AS originalFilename, media_type AS mediaType, uploaded_at AS uploadedAt,
            sha256, third_party AS thirdParty
       FROM documents WHERE case_id = ? AND deleted_at IS NULL ORDER BY uploaded_at, seq`,
  ).all(caseId) as DocumentRow[];
}

/**
 * The schedule's blocks (and, in the reviewer's copy, the files to supply), redacting names from
 * disclosed titles and logging each withheld document. Counts for the audit row.
 */
export function documentsSchedule(
  db: Db,
  caseId: string,
  redactor: Redactor,
  reviewerCopy: boolean,
): { blocks: Block[]; documents: number; documentsWithheld: number } {
  const docs = readDocuments(db, caseId);
  const numbered = docs.map((d, i) => ({ ...d, ref: `D${i + 1}` }));
  const rows = numbered.map((d) => {
    const type = documentType(d.mediaType, d.originalFilename);
    if (d.thirdParty === 1) {
      redactor.withhold(
        'Document',
        d.uploadedAt,
        DOCUMENT_WITHHELD_WHY,
        `${d.ref}: ${d.title} (${d.originalFilename})`,
      );
      return { cells: [d.ref, DOCUMENT_WITHHELD_TITLE, ukWhen(d.uploadedAt), type, DOCUMENT_WITHHELD_WHY] };
    }
    const title = redactor.fact('Document', d.uploadedAt, d.title);
    return { cells: [d.ref, title, ukWhen(d.uploadedAt), type, DOCUMENT_SUPPLIED] };
  });
  const disclosed = numbered.filter((d) => d.thirdParty === 0);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Documents (${docs.length})` },
    {
      kind: 'table',
      caption:
        'The documents held on the case, oldest first. A disclosed document is supplied as its own file with this copy.',
      columns: [
        { header: 'Ref', weight: 8 },
        { header: 'Title', weight: 36 },
        { header: 'Added', weight: 16 },
        { header: 'Type', weight: 12 },
        { header: 'Disclosed or withheld', weight: 26 },
      ],
      rows,
      empty: 'No documents are held on this case.',
    },
  ];
  if (reviewerCopy) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Files to supply with the requester’s copy (reviewer only)' },
      {
        kind: 'table',
        caption:
          'Export each through the case’s Documents tab (Download: audited as a document export) and check its SHA-256 before sending it.',
        columns: [
          { header: 'Ref', weight: 8 },
          { header: 'Title', weight: 28 },
          { header: 'File name', weight: 26 },
          { header: 'SHA-256 (first 16)', weight: 36 },
        ],
        rows: disclosed.map((d) => ({ cells: [d.ref, d.title, d.originalFilename, d.sha256.slice(0, 16)] })),
        empty: 'No document is to be supplied.',
      },
    );
  }
  return { blocks, documents: docs.length, documentsWithheld: docs.length - disclosed.length };
}
