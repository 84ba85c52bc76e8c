/**
 * A real core (router, session manager, encrypted vault) with a settable clock, for Safe Home
 * tests through the router, and helpers that make families (a case, its young person, carers
 * and other family members on the People tab) and runs as the screens would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core } from '../../../../main/core/core';
import type { OpenVault } from '../../../../main/core/vault/vault';
import type { RunInput, RunView } from '../../../../preload/contract/safe-home-records';
import { FAST } from '../temp-vault';

export const SH_ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };
/** "Today" in these tests unless a test moves the clock. */
export const TODAY = '2026-09-01';

export interface ShFixture {
  ok<T>(channel: string, input: unknown): Promise<T>;
  /** The refusal a channel gives (fails the test if it succeeds). */
  refusal(channel: string, input: unknown): Promise<{ code: string; message: string }>;
  vault(): OpenVault;
  core(): Core;
  setToday(date: string): void;
  adminId(): string;
}

export function safeHomeCore(): ShFixture {
  let core: Core | undefined;
  let dir = '';
  let now = new Date(`${TODAY}T10:00:00Z`);
  const current = () => {
    if (!core) throw new Error('The fixture is only ready inside a test.');
    return core;
  };
  beforeEach(async () => {
    now = new Date(`${TODAY}T10:00:00Z`);
    dir = mkdtempSync(join(tmpdir(), 'ncats-safe-home-'));
    core = createCore(join(dir, 'vault'), { vault: { ...FAST, now: () => now } });
    await core.manager.create(SH_ADMIN);
  });
  afterEach(() => {
    core?.manager.dispose();
    core = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    async ok<T>(channel: string, input: unknown): Promise<T> {
      const result = await current().router(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    async refusal(channel: string, input: unknown) {
      const result = await current().router(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to refuse but succeeded`);
      return result.error;
    },
    vault: () => current().manager.current(),
    core: current,
    setToday(date) {
      now = new Date(`${date}T10:00:00Z`);
    },
    adminId: () => current().manager.current().user.id,
  };
}

export interface Family {
  caseId: string;
  reference: string;
  youngPerson: { givenName: string; familyName: string };
  /** People-tab ids of the parents and carers, in the order given. */
  carerIds: string[];
  carerNames: string[];
  otherNames: string[];
}

/** A case with its young person, parents or carers, and (optionally) siblings. */
export async function makeFamily(
  f: ShFixture,
  spec: { young: [string, string]; carers: [string, string][]; siblings?: string[] },
): Promise<Family> {
  const made = await f.ok<{ id: string; reference: string }>('case:create', {
    referralDate: '2026-03-02',
    youngPerson: { givenName: spec.young[0], familyName: spec.young[1], dateOfBirth: '2012-05-01' },
  });
  const carerIds: string[] = [];
  for (const [name, relationship] of spec.carers) {
    const p = await f.ok<{ id: string }>('person:add', {
      caseId: made.id,
      person: { kind: 'parent_carer', name, relationship },
    });
    carerIds.push(p.id);
  }
  for (const name of spec.siblings ?? []) {
    await f.ok('person:add', { caseId: made.id, person: { kind: 'sibling', name } });
  }
  return {
    caseId: made.id,
    reference: made.reference,
    youngPerson: { givenName: spec.young[0], familyName: spec.young[1] },
    carerIds,
    carerNames: spec.carers.map(([n]) => n),
    otherNames: spec.siblings ?? [],
  };
}

/** A group run of 13 weekly sessions from 01/06/2026 (all before TODAY), themes as seeded. */
export async function makeRun(f: ShFixture, overrides: Partial<RunInput> = {}): Promise<RunView> {
  return f.ok<RunView>('safeHomeRun:create', {
    run: {
      title: 'Summer group, north',
      delivery: 'group',
      facilitatorIds: [f.adminId()],
      startDate: '2026-06-01',
      venue: 'Family centre, room 2',
      ...overrides,
    },
  });
}

export async function enrol(f: ShFixture, runId: string, family: Family, carer = 0, enrolledOn = '2026-05-20') {
  return f.ok<RunView>('safeHomeEnrolment:create', {
    runId,
    enrolment: { caseId: family.caseId, personId: family.carerIds[carer], enrolledOn },
  });
}

/** Every carer of the run attended, except as given, with an optional group note. */
export async function takeRegister(
  f: ShFixture,
  run: RunView,
  seq: number,
  states: Record<string, { state: string; reason?: string; cancelledAt?: string; carerNote?: string }> = {},
  groupNote = '',
): Promise<RunView> {
  const session = run.sessions.find((s) => s.kind === 'planned' && s.seq === seq);
  if (!session) throw new Error(`No session ${seq}`);
  const entries = run.enrolments
    .filter(
      (e) => e.enrolledOn <= session.sessionDate && (!e.withdrawal || e.withdrawal.withdrawnOn > session.sessionDate),
    )
    .map((e) => ({ enrolmentId: e.id, state: 'attended', ...states[e.id] }));
  return f.ok<RunView>('safeHomeSession:takeRegister', {
    sessionId: session.id,
    expectedVersion: session.version,
    register: { entries, groupNote },
  });
}
