/**
 * The note that replaces downloads of case content when the machine policy forbids saving
 * documents and reports (`documentExportAllowed: false`), and the screens that obey it: the
 * report downloads, the subject access panel and the document viewer show the note and no
 * download; with export allowed they show the downloads and no note.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../../../preload/contract';
import { ExportForbiddenNote } from '../../../renderer/components/ExportForbiddenNote';
import { DocumentViewer } from '../../../renderer/features/cases/case-page/DocumentViewer';
import { ReportDownloads } from '../../../renderer/features/reports/ReportDownloads';
import { SubjectAccessRequest } from '../../../renderer/features/reports/subject-access/SubjectAccessRequest';

// Server rendering reads a zustand store's initial state, not what a test sets: the screens'
// two store hooks are stood in for (the store itself is tested in stores/machine-policy.test.ts).
const page = vi.hoisted(() => ({ exportAllowed: true, caseId: '00000000-0000-4000-8000-000000000002' }));
vi.mock('../../../renderer/stores/machine-policy', () => ({ useDocumentExportAllowed: () => page.exportAllowed }));
vi.mock('../../../renderer/stores/case-page', () => ({
  useCasePageStore: <T,>(select: (s: { caseId: string; detail: null }) => T) =>
    select({ caseId: page.caseId, detail: null }),
}));

const noop = () => undefined;

function exportAllowed(allowed: boolean): void {
  page.exportAllowed = allowed;
}

const spreadsheet: DocumentView = {
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  ownerType: 'case',
  ownerId: '00000000-0000-4000-8000-000000000002',
  title: 'School attendance',
  description: null,
  originalFilename: 'attendance.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sizeBytes: 2048,
  sha256: 'ab'.repeat(32),
  uploadedBy: 'u1',
  uploadedByName: 'Sam Patel',
  uploadedAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
  version: 1,
  thirdParty: false,
};

/** Every control a keyboard user could reach: links, buttons, anything with a tabindex. */
const controls = (html: string) => html.match(/<(a|button|input|select|textarea)\b|tabindex=/g) ?? [];

beforeEach(() => {
  // The document viewer's addresses read the browser host's token from window.api.
  vi.stubGlobal('window', {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  page.exportAllowed = true;
});

describe('ExportForbiddenNote', () => {
  it('is a note in words naming what cannot be saved and whom to ask, with nothing to press', () => {
    const html = renderToStaticMarkup(<ExportForbiddenNote what="the chronology" />);
    expect(html).toContain('role="note"');
    expect(html).toContain('Saving as a file is turned off on this laptop.');
    expect(html).toContain('does not allow the chronology to be saved outside the app');
    expect(html).toContain('ask your IT service desk');
    expect(controls(html)).toEqual([]);
  });
});

describe('screens that offer a download of case content', () => {
  it('report downloads: the note instead of the PDF and Word links when export is forbidden', () => {
    exportAllowed(false);
    const html = renderToStaticMarkup(<ReportDownloads kind="chronology" name="chronology" />);
    expect(html).not.toContain('download');
    expect(html).not.toContain('reports/');
    expect(html).toContain('does not allow the chronology to be saved');
  });

  it('report downloads: the links and no note when export is allowed', () => {
    exportAllowed(true);
    const html = renderToStaticMarkup(<ReportDownloads kind="chronology" name="chronology" />);
    expect(html.match(/<a [^>]*download/g)).toHaveLength(2);
    expect(html).not.toContain('role="note"');
  });

  it('subject access: the preview stays, the downloads give way to the note', () => {
    exportAllowed(false);
    const forbidden = renderToStaticMarkup(<SubjectAccessRequest />);
    expect(forbidden).toContain('Preview the requester’s copy');
    expect(forbidden).not.toMatch(/<a [^>]*download/);
    expect(forbidden).toContain('role="note"');
    exportAllowed(true);
    const allowed = renderToStaticMarkup(<SubjectAccessRequest />);
    expect(allowed.match(/<a [^>]*download/g)).toHaveLength(2);
    expect(allowed).not.toContain('role="note"');
  });

  it('document viewer: a file it cannot show gets the note, not a download button, when forbidden', () => {
    exportAllowed(false);
    const forbidden = renderToStaticMarkup(<DocumentViewer doc={spreadsheet} onDownload={noop} />);
    expect(forbidden).toContain('cannot be shown inside the app');
    expect(forbidden).not.toContain('Download an unencrypted copy');
    expect(forbidden).toContain('role="note"');
    exportAllowed(true);
    const allowed = renderToStaticMarkup(<DocumentViewer doc={spreadsheet} onDownload={noop} />);
    expect(allowed).toContain('Download an unencrypted copy');
    expect(allowed).not.toContain('role="note"');
  });
});
