/**
 * A real core over a real encrypted vault with a clock the test moves: cases are referred and
 * closed "years ago", then the clock is set to today so they are due for review. Two
 * administrators (the proposer and the approver) and a clinician.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createCore, type Core } from '../../../../main/core/core';
import { importDocument } from '../../../../main/core/documents/documents.service';
import type { CaseDetail } from '../../../../preload/contract/case-records';
import { FAST } from '../temp-vault';

export const ADMIN_A = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };
export const ADMIN_B = { username: 'bea', displayName: 'Bea Second', password: 'second admin password' };
export const CLIN = { username: 'clin', displayName: 'Cal Clinician', password: 'clinician password 1' };

export interface RetentionWorld {
  core: Core;
  dir: string;
  clock: { now: Date };
  call<T>(channel: string, input: unknown): Promise<T>;
  /** The error code a call fails with (throws if it succeeds). */
  failCode(channel: string, input: unknown): Promise<string>;
  signInAs(user: { username: string; password: string }): Promise<void>;
  dispose(): void;
}

export async function retentionWorld(start = '2000-01-10T10:00:00Z'): Promise<RetentionWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-retention-'));
  const clock = { now: new Date(start) };
  const core = createCore(join(dir, 'vault'), { vault: { ...FAST, now: () => clock.now } });
  await core.manager.create(ADMIN_A);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await core.router(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  await call('user:create', { ...ADMIN_B, role: 'administrator' });
  await call('user:create', { ...CLIN, role: 'clinician' });
  return {
    core,
    dir,
    clock,
    call,
    async failCode(channel, input) {
      const r = await core.router(channel, input);
      if (r.ok) throw new Error(`${channel} succeeded but should have failed`);
      return r.error.code;
    },
    async signInAs(user) {
      await call('vault:lock', {});
      await call('vault:unlock', { username: user.username, password: user.password });
    },
    dispose() {
      core.manager.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A case referred today on the world's clock, with a note, a linked person and a document. */
export async function caseWithRecords(
  w: RetentionWorld,
  person: { givenName: string; familyName: string; dateOfBirth: string | null; age?: number },
): Promise<CaseDetail> {
  const referralDate = w.clock.now.toISOString().slice(0, 10);
  const made = await w.call<CaseDetail>('case:create', {
    referralDate,
    youngPerson: {
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      ...(person.age === undefined ? {} : { ageAtReferral: person.age }),
    },
  });
  await w.call('note:create', {
    caseId: made.id,
    note: {
      occurredAt: w.clock.now.toISOString(),
      type: 'case_note',
      text: `Met ${person.givenName} ${person.familyName} at school.`,
    },
  });
  await w.call('person:add', { caseId: made.id, person: { kind: 'sibling', name: `${person.givenName}'s sister` } });
  await importDocument(
    w.core.manager.current(),
    { caseId: made.id, filename: 'letter.txt', title: `Letter about ${person.familyName}` },
    Readable.from([Buffer.from(`A letter about ${person.givenName} ${person.familyName}.`)]),
  );
  return made;
}

/** Move a case through accepted and active to closed. */
export async function closeCase(w: RetentionWorld, caseId: string): Promise<CaseDetail> {
  let c = await w.call<CaseDetail>('case:get', { caseId });
  for (const status of ['accepted', 'active', 'closed'] as const) {
    c = await w.call<CaseDetail>('case:setStatus', {
      caseId,
      expectedVersion: c.version,
      status,
      reason: status === 'closed' ? 'Work completed' : null,
      closingSummary: status === 'closed' ? 'Closed after the agreed work.' : null,
    });
  }
  return c;
}
