/**
 * The renderer's machine-policy store against a real core with a policy in force (as the browser
 * host builds it from NCATS_POLICY_FILE): `window.api` is built from the contract and routed
 * into the core's router. It holds what the core enforces, survives a lock, and keeps the app's
 * defaults when the policy cannot be read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api, type Channel } from '../../../preload/contract';
import { DEFAULT_MACHINE_POLICY, type MachinePolicy } from '../../../preload/contract/policy';
import { createCore, type Core } from '../../../main/core/core';
import { scryptParams } from '../../../main/core/vault/kdf';
import { applyMachinePolicy, loadMachinePolicy, useMachinePolicy } from '../../../renderer/stores/machine-policy';
import { resetAllStores } from '../../../renderer/stores/reset';

let dir: string;
let core: Core | undefined;

const MANAGED: MachinePolicy = {
  ...DEFAULT_MACHINE_POLICY,
  minPasswordLength: 20,
  documentExportAllowed: false,
  backupFolder: '/srv/ncats-backups',
  backupCount: 14,
  backupMaxAgeDays: 2,
};

function useCore(policy: MachinePolicy): void {
  const made = createCore(join(dir, 'vault'), {
    vault: { kdf: scryptParams(2 ** 14) },
    policy: {
      policy,
      source: 'file',
      path: '/etc/ncats/policy.json',
      problems: [],
      setInFile: ['documentExportAllowed'],
    },
  });
  core = made;
  const api: Api = createApi(
    (channel: Channel, input: unknown) => made.router(channel, input),
    () => () => undefined,
  );
  vi.stubGlobal('window', { api });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-policy-store-'));
  useMachinePolicy.setState(useMachinePolicy.getInitialState(), true);
});
afterEach(() => {
  vi.unstubAllGlobals();
  core?.manager.dispose();
  core = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('the machine-policy store', () => {
  it('starts with the app’s defaults, then holds the policy the core enforces', async () => {
    expect(useMachinePolicy.getState()).toMatchObject({ policy: DEFAULT_MACHINE_POLICY, status: null, error: null });
    useCore(MANAGED);
    // Before sign-in, as the first-run and recovery screens ask.
    await loadMachinePolicy();
    const { policy, status, error } = useMachinePolicy.getState();
    expect(policy).toEqual(MANAGED);
    expect(status).toMatchObject({ source: 'file', setInFile: ['documentExportAllowed'] });
    expect(error).toBeNull();
  });

  it('is kept across a lock: it is the laptop’s, not case data', async () => {
    useCore(MANAGED);
    await loadMachinePolicy();
    resetAllStores();
    expect(useMachinePolicy.getState().policy.documentExportAllowed).toBe(false);
    expect(useMachinePolicy.getState().policy.minPasswordLength).toBe(20);
  });

  it('never takes a password minimum below the app’s own', () => {
    applyMachinePolicy({
      policy: { ...DEFAULT_MACHINE_POLICY, minPasswordLength: 8 },
      source: 'file',
      path: '',
      problems: [],
      setInFile: [],
    });
    expect(useMachinePolicy.getState().policy.minPasswordLength).toBe(DEFAULT_MACHINE_POLICY.minPasswordLength);
  });

  it('keeps the defaults and says why when the policy cannot be read', async () => {
    const api = {
      'policy:get': () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'No answer.' } }),
    };
    vi.stubGlobal('window', { api });
    await loadMachinePolicy();
    expect(useMachinePolicy.getState()).toMatchObject({
      policy: DEFAULT_MACHINE_POLICY,
      status: null,
      error: 'No answer.',
    });
  });
});
