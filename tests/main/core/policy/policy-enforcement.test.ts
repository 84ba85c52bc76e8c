/**
 * The machine policy enforced by a real core on a real encrypted vault, through the router (and
 * the byte routes, for saving documents and reports), as the renderer drives it: the idle lock's
 * maximum, the password minimum, passphrase bundles and document export. Also: an invalid file
 * loaded from disk puts the strictest rules in force end to end.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createStreamServer } from '../../../../main/app/stream-routes';
import { createCore } from '../../../../main/core/core';
import { uploadDocument } from '../../../../main/core/documents/document-routes';
import { loadMachinePolicy } from '../../../../main/core/policy/policy-file';
import {
  DEFAULT_MACHINE_POLICY,
  type MachinePolicy,
  type MachinePolicyStatus,
} from '../../../../preload/contract/policy';
import { BASIS, laptop, makeCase, type Laptop } from '../bundles/app-fixtures';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-policy-core-');
const open: Laptop[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.core.manager.dispose();
  dirs.cleanup();
});

function fromFile(policy: Partial<MachinePolicy>): MachinePolicyStatus {
  return {
    policy: { ...DEFAULT_MACHINE_POLICY, ...policy },
    source: 'file',
    path: '/etc/ncats/policy.json',
    problems: [],
  };
}

async function managed(policy: Partial<MachinePolicy>, extra: { idleLockMs?: number } = {}): Promise<Laptop> {
  const l = await laptop(dirs.make(), 'ada', 'Ada Admin', { policy: fromFile(policy), ...extra });
  open.push(l);
  return l;
}

describe('policy:get', () => {
  it('answers before anyone signs in, with the policy, its source and its problems', async () => {
    const l = await managed({ minPasswordLength: 14 });
    await l.call('vault:lock', {});
    expect(await l.call('policy:get', {})).toEqual(fromFile({ minPasswordLength: 14 }));
  });

  it('is the defaults for a core built without a policy (tests, the CLI)', async () => {
    const l = await laptop(dirs.make(), 'ada', 'Ada Admin');
    open.push(l);
    expect(await l.call('policy:get', {})).toMatchObject({ policy: DEFAULT_MACHINE_POLICY, source: 'defaults' });
  });
});

describe('the idle lock', () => {
  it('never exceeds the policy’s maximum, whatever was asked for', async () => {
    const l = await managed({ maxIdleLockMinutes: 3 }, { idleLockMs: 30 * 60_000 });
    expect((await l.call<{ idleLockMinutes: number }>('vault:status', {})).idleLockMinutes).toBe(3);
  });

  it('keeps a shorter idle lock than the maximum', async () => {
    const l = await managed({ maxIdleLockMinutes: 3 }, { idleLockMs: 60_000 });
    expect((await l.call<{ idleLockMinutes: number }>('vault:status', {})).idleLockMinutes).toBe(1);
  });

  it('is the app’s 10 minutes when nothing is asked and the policy allows more', async () => {
    const l = await managed({ maxIdleLockMinutes: 60 });
    expect((await l.call<{ idleLockMinutes: number }>('vault:status', {})).idleLockMinutes).toBe(10);
  });
});

describe('the password minimum', () => {
  // 18 characters: long enough for the app's own floor (12), short of this trust's 20.
  const SHORT = 'eighteen chars ok!';

  it('refuses a first administrator’s short password, creating no vault', async () => {
    const dir = join(dirs.make(), 'vault');
    const fresh = createCore(dir, { policy: fromFile({ minPasswordLength: 20 }) });
    try {
      const refused = await fresh.router('vault:create', { username: 'bea', displayName: 'Bea', password: SHORT });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!refused.ok && refused.error.message).toMatch(/at least 20 characters.*This one has 18/);
      expect(existsSync(dir)).toBe(false);
    } finally {
      fresh.manager.dispose();
    }
  });

  it('refuses a new user’s short password and adds nobody', async () => {
    const l = await managed({ minPasswordLength: 20 });
    const refused = await l.raw('user:create', {
      username: 'cal',
      displayName: 'Cal Clinician',
      password: SHORT,
      role: 'clinician',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toContain('at least 20 characters');
    expect((await l.call<unknown[]>('user:list', {})).length).toBe(1);
    await l.call('user:create', {
      username: 'cal',
      displayName: 'Cal Clinician',
      password: 'a password of twenty-four',
      role: 'clinician',
    });
    expect((await l.call<unknown[]>('user:list', {})).length).toBe(2);
  });

  it('refuses a short new password on change, and the old one still opens the vault', async () => {
    const l = await managed({ minPasswordLength: 20 });
    const refused = await l.raw('user:changePassword', {
      currentPassword: 'a long enough password',
      newPassword: SHORT,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toContain('at least 20 characters');
    await l.call('vault:lock', {});
    await l.call('vault:unlock', { username: 'ada', password: 'a long enough password' });
  });

  it('refuses a short password set with the recovery key', async () => {
    const l = await managed({ minPasswordLength: 20 });
    await l.call('vault:lock', {});
    const refused = await l.raw('vault:recover', {
      recoveryKey: 'not checked first',
      username: 'ada',
      newPassword: SHORT,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toContain('at least 20 characters');
  });
});

describe('passphrase bundles', () => {
  it('are refused when the policy forbids them, and nothing reaches the outbox', async () => {
    const l = await managed({ passphraseBundlesAllowed: false });
    const made = await makeCase(l, 'Policy');
    expect(await l.call<{ allowed: boolean }>('bundle:preparePassphrase', {})).toMatchObject({ allowed: false });
    const refused = await l.raw('bundle:export', {
      caseId: made.id,
      include: { thirdParty: false },
      passphrase: 'a long enough passphrase here',
      basis: BASIS,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(l.dir, 'outbox')) ? readdirSync(join(l.dir, 'outbox')) : []).toEqual([]);
  });

  it('are offered when the policy allows them', async () => {
    const l = await managed({ passphraseBundlesAllowed: true });
    expect(await l.call<{ allowed: boolean }>('bundle:preparePassphrase', {})).toMatchObject({ allowed: true });
  });
});

describe('document export', () => {
  async function withDocument(policy: Partial<MachinePolicy>) {
    const l = await managed(policy);
    const made = await makeCase(l, 'Export');
    const doc = await uploadDocument(
      l.core.manager.current(),
      { caseId: made.id, filename: 'letter.pdf' },
      Readable.from([Buffer.from('%PDF-1.4 a letter')]),
    );
    const serve = createStreamServer(l.core);
    const get = async (path: string) => {
      const res = await serve(new Request(`app://ncats/${path}`));
      if (!res) throw new Error(`no route for ${path}`);
      return res;
    };
    const exports = () =>
      l.core.manager
        .current()
        .db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('document.export', 'report.export')")
        .get() as { n: number };
    return { l, caseId: made.id, docId: doc.id, get, exports };
  }

  it('refuses saving a document or a report, with the reason, and records no export', async () => {
    const { get, caseId, docId, exports } = await withDocument({ documentExportAllowed: false });
    for (const path of [`documents/${docId}?disposition=attachment`, `reports/${caseId}/chronology.pdf`]) {
      const res = await get(path);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(body.error.message).toMatch(/IT does not allow saving documents or reports/);
    }
    expect(exports().n).toBe(0);
  });

  it('still shows a document in the app', async () => {
    const { get, docId } = await withDocument({ documentExportAllowed: false });
    const res = await get(`documents/${docId}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.4 a letter');
  });

  it('saves both when the policy allows it', async () => {
    const { get, caseId, docId, exports } = await withDocument({ documentExportAllowed: true });
    expect((await get(`documents/${docId}?disposition=attachment`)).status).toBe(200);
    expect((await get(`reports/${caseId}/chronology.pdf`)).status).toBe(200);
    expect(exports().n).toBeGreaterThanOrEqual(2);
  });
});

describe('an invalid policy file on disk', () => {
  it('puts the strictest rules in force, and policy:get says why', async () => {
    const file = join(dirs.make(), 'policy.json');
    writeFileSync(file, '{ "documentExportAllowed": "no" }');
    const status = loadMachinePolicy({ platform: 'linux', env: { NCATS_POLICY_FILE: file } });
    const l = await laptop(dirs.make(), 'ada', 'Ada Admin', { policy: status, idleLockMs: 30 * 60_000 });
    open.push(l);
    expect(await l.call('policy:get', {})).toMatchObject({
      source: 'strictest',
      path: file,
      problems: [expect.stringContaining('"documentExportAllowed"')],
    });
    expect((await l.call<{ idleLockMinutes: number }>('vault:status', {})).idleLockMinutes).toBe(5);
    expect(await l.call<{ allowed: boolean }>('bundle:preparePassphrase', {})).toMatchObject({ allowed: false });
  });
});
