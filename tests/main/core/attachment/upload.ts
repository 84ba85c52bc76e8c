/** Upload a real (encrypted) document to a case, as the Documents tab does; returns its id. */
import { Readable } from 'node:stream';
import { uploadDocument as upload } from '../../../../main/core/documents/document-routes';
import type { Laptop } from '../bundles/app-fixtures';

export async function uploadDocument(l: Laptop, caseId: string, filename: string, text: string): Promise<string> {
  const doc = await upload(l.core.manager.current(), { caseId, filename }, Readable.from([Buffer.from(text)]));
  return doc.id;
}
