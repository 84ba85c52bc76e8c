import type { documentChannels } from '../../../preload/contract/documents';
import { AppError } from '../errors';
import type { HandlersFor } from '../ipc/router';
import { requireDocumentExportAllowed } from '../policy/policy-in-force';
import { registerChronologySource } from '../notes/chronology';
import { exportDocumentToFile } from './document-export';
import { DOCUMENT_CHRONOLOGY_SOURCE } from './documents.search';
import { deleteDocument, getDocument, listCaseDocuments, updateDocument } from './documents.service';

// The core imports this module once at start-up: documents join every case's chronology.
registerChronologySource(DOCUMENT_CHRONOLOGY_SOURCE);

/** Handlers for document metadata and the explicit export. Bytes go through document-routes.ts. */
export const documentHandlers: HandlersFor<typeof documentChannels> = {
  'document:list': (input, { manager }) =>
    listCaseDocuments(manager.current(), input.caseId, { ownerType: input.ownerType, ownerId: input.ownerId }),
  'document:get': (input, { manager }) => getDocument(manager.current(), input.documentId),
  'document:update': (input, { manager }) =>
    updateDocument(manager.current(), input.documentId, input.expectedVersion, {
      title: input.title,
      description: input.description,
      thirdParty: input.thirdParty,
    }),
  'document:delete': (input, { manager }) => {
    deleteDocument(manager.current(), input.documentId, input.reason);
    return null;
  },
  'document:exportToFile': async (input, { manager, shell }) => {
    // Before the dialog: the machine policy may forbid saving documents at all.
    requireDocumentExportAllowed(manager);
    if (!shell.chooseSavePath) {
      throw new AppError('FORBIDDEN', 'Saving a copy to disk needs the desktop app. Use the download link instead.');
    }
    const doc = getDocument(manager.current(), input.documentId);
    const path = await shell.chooseSavePath(doc.originalFilename);
    // The vault may have locked while the dialog was open: current() checks again.
    return path === null ? null : exportDocumentToFile(manager.current(), input.documentId, path);
  },
};
