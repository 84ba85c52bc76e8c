/**
 * Explicit fixtures for the bundle channels: two real cores (two "laptops"), each on its own
 * encrypted vault, driven through the router exactly as the renderer drives them, with the
 * real case file. `ok` unwraps a Result or fails the test with the core's message.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Result } from '../../../../preload/contract';
import { uploadBundle } from '../../../../main/core/bundles/bundle-routes';
import { createCore, type Core, type CoreOptions } from '../../../../main/core/core';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { writeDocumentBlob } from '../../../../main/core/documents/blob-store';
import { removeBlob } from '../../../../main/core/documents/blob-writer';
import type { OpenVault } from '../../../../main/core/vault/vault';

export const BASIS = 'Transfer of care to the receiving clinician for direct care (duty to share).';

export interface Laptop {
  core: Core;
  dir: string;
  call<T = unknown>(channel: string, input: unknown): Promise<T>;
  raw(channel: string, input: unknown): Promise<Result<unknown>>;
}

export function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A core on a new vault whose first user (administrator) is `displayName`. */
export async function laptop(
  parent: string,
  name: string,
  displayName: string,
  options: CoreOptions = {},
): Promise<Laptop> {
  const dir = join(parent, name);
  const core = createCore(dir, { vault: { kdf: scryptParams(2 ** 14) }, ...options });
  const raw = (channel: string, input: unknown) => core.router(channel, input);
  const l: Laptop = { core, dir, raw, call: async <T>(c: string, i: unknown) => ok<T>(await raw(c, i)) };
  await l.call('vault:create', { username: name, displayName, password: 'a long enough password' });
  return l;
}

/** Each adds the other's key card (through the channels) and marks it verified. */
export async function exchangeCards(a: Laptop, b: Laptop): Promise<{ aOnB: string; bOnA: string }> {
  const cardA = await a.call<{ text: string }>('key:exportCard', {});
  const cardB = await b.call<{ text: string }>('key:exportCard', {});
  const aOnB = (await b.call<{ id: string }>('colleague:importCard', { cardText: cardA.text })).id;
  const bOnA = (await a.call<{ id: string }>('colleague:importCard', { cardText: cardB.text })).id;
  await b.call('colleague:verify', { colleagueId: aOnB });
  await a.call('colleague:verify', { colleagueId: bOnA });
  return { aOnB, bOnA };
}

export async function makeCase(
  l: Laptop,
  familyName: string,
  referralDate = '2026-01-12',
): Promise<{ id: string; reference: string }> {
  return l.call('case:create', {
    referralDate,
    youngPerson: { givenName: 'Sam', familyName, dateOfBirth: '2012-05-01' },
  });
}

/** Export from `from` to the colleague `colleagueId`; returns the bundle's path in its outbox. */
export async function send(from: Laptop, caseId: string, colleagueId: string): Promise<string> {
  const made = await from.call<{ bundleId: string }>('bundle:export', {
    caseId,
    include: { thirdParty: false },
    recipients: { colleagueIds: [colleagueId] },
    basis: BASIS,
  });
  return join(from.dir, 'outbox', `${made.bundleId}.ncatsbundle`);
}

/** Put a bundle file into `to`'s inbox through the upload route; returns the inbox id. */
export async function receive(to: Laptop, file: string): Promise<string> {
  const { inboxId } = await uploadBundle(to.core.manager.current(), Readable.from([readFileSync(file)]));
  return inboxId;
}

/**
 * Give this vault's copy of a document other content and a new title, as a copy that went its
 * own way would have (content never changes through the app): the sender's side of a document
 * conflict (bundles/modules/document-conflicts.ts).
 */
export async function divergeDocument(
  vault: OpenVault,
  documentId: string,
  bytes: Buffer,
  title: string,
): Promise<void> {
  const blobId = randomUUID();
  const written = await writeDocumentBlob(vault.dir, blobId, Readable.from([bytes]));
  const old = vault.db.prepare('SELECT blob_id FROM documents WHERE id = ?').pluck().get(documentId) as string;
  vault.db
    .prepare(
      `UPDATE documents SET blob_id = ?, age_identity = ?, chunk_size = ?, sha256 = ?, size_bytes = ?, title = ?,
         version = version + 1 WHERE id = ?`,
    )
    .run(blobId, written.ageIdentity, written.chunkSize, written.sha256, written.size, title, documentId);
  removeBlob(vault.dir, old);
}
