/**
 * Media types for documents: sniffed from the first bytes where the format has a reliable
 * signature, otherwise taken from the file name, and made safe before anything is served.
 */
import { extname } from 'node:path';

const OCTET = 'application/octet-stream';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

const BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.rtf': 'application/rtf',
  '.doc': 'application/msword',
  '.docx': DOCX,
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': XLSX,
  '.pptx': PPTX,
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.zip': 'application/zip',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.svg': 'image/svg+xml',
};

function startsWith(head: Buffer, bytes: number[], at = 0): boolean {
  return head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
}

/** A type from the first bytes, or null when the bytes do not say. */
export function sniffMediaType(head: Buffer, filename: string): string | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm'; // EBML (WebM/Matroska)
  // ISO base media: a box size, then 'ftyp' at offset 4.
  if (startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = head.subarray(8, 12).toString('latin1');
    return brand === 'qt  ' ? 'video/quicktime' : brand.startsWith('M4A') ? 'audio/mp4' : 'video/mp4';
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML files are zips whose entry names reveal the kind.
    const names = head.toString('latin1');
    if (names.includes('word/')) return DOCX;
    if (names.includes('xl/')) return XLSX;
    if (names.includes('ppt/')) return PPTX;
    const byName = mediaTypeFromName(filename);
    return byName === DOCX || byName === XLSX || byName === PPTX ? byName : 'application/zip';
  }
  return null;
}

export function mediaTypeFromName(filename: string): string {
  return BY_EXTENSION[extname(filename).toLowerCase()] ?? OCTET;
}

/** Sniffed type first; then the type the client declared, if well formed; then the name. */
export function decideMediaType(head: Buffer, filename: string, declared?: string | null): string {
  const sniffed = sniffMediaType(head, filename);
  if (sniffed) return sniffed;
  const byName = mediaTypeFromName(filename);
  if (byName !== OCTET) return byName;
  const clean = declared?.split(';')[0]?.trim().toLowerCase();
  return clean && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(clean) ? clean : OCTET;
}

/**
 * Types the app shows inline. Anything that can run script in the app's origin (HTML, SVG,
 * XML) or that we do not recognise is served as an opaque download instead.
 */
const INLINE_SAFE =
  /^(application\/pdf|image\/(png|jpeg|gif|webp)|video\/(mp4|webm|quicktime)|audio\/(mpeg|mp4|wav)|text\/(plain|csv))$/;

export interface ServedType {
  contentType: string;
  disposition: 'inline' | 'attachment';
}

/** The content type and disposition actually sent for a stored type and a requested disposition. */
export function servedType(stored: string, requested: 'inline' | 'attachment'): ServedType {
  if (!INLINE_SAFE.test(stored)) return { contentType: OCTET, disposition: 'attachment' };
  // Text is labelled with a charset so the browser never guesses one (and never guesses HTML).
  const contentType = stored.startsWith('text/') ? `${stored}; charset=utf-8` : stored;
  return { contentType, disposition: requested };
}

/**
 * A Content-Disposition value with the filename made safe: an ASCII fallback with anything
 * odd replaced, and the full name in RFC 5987 `filename*` form.
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  // Control characters never belong in a header (they could split it).
  const cleaned = [...filename].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  const base = cleaned.replace(/[/\\]/g, '_').trim() || 'document';
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/["%;\\]/g, '_');
  const encoded = encodeURIComponent(base).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
