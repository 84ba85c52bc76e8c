/**
 * A real core (router, session manager, encrypted vault) in a fresh temporary folder for each
 * test, with an administrator signed in: where a test of channels through the router starts.
 * Call `coreForEachTest` at the top of a test file; it registers its own beforeEach/afterEach.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import type { OpenVault } from '../../../main/core/vault/vault';
import { FAST } from './temp-vault';

/** The administrator every such vault is created with. */
export const CORE_ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };

export interface CoreFixture {
  /** The current test's core. */
  readonly core: Core;
  /** The current test's temporary folder (the vault is in `vault/` inside it). */
  readonly dir: string;
  /** Send `input` on `channel` through the router; its value, or its error message thrown. */
  ok<T>(channel: string, input: unknown): Promise<T>;
  /** The signed-in vault, for reading what a channel wrote. */
  vault(): OpenVault;
}

/** A fresh core with CORE_ADMIN signed in before each test, disposed and removed after it. */
export function coreForEachTest(prefix = 'ncats-core-'): CoreFixture {
  let core: Core | undefined;
  let dir = '';
  const current = (): Core => {
    if (!core) throw new Error('The core fixture is only ready inside a test.');
    return core;
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    core = createCore(join(dir, 'vault'), { vault: FAST });
    await core.manager.create(CORE_ADMIN);
  });
  afterEach(() => {
    core?.manager.dispose();
    core = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get core() {
      return current();
    },
    get dir() {
      return dir;
    },
    async ok<T>(channel: string, input: unknown): Promise<T> {
      const result = await current().router(channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    },
    vault: () => current().manager.current(),
  };
}
