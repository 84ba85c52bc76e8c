import { afterEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../main/core/db/migrations/index';
import { makeVault, tempDirs } from './fixtures';

describe('migration 50 (bundles)', () => {
  const dirs = tempDirs();
  afterEach(() => dirs.cleanup());

  it('creates the key, colleague, import, sync-state and conflict tables as STRICT tables', async () => {
    const vault = await makeVault(dirs.make(), 'alice', 'Alice Ahmed');
    try {
      expect(schemaVersion(vault.db)).toBeGreaterThanOrEqual(50);
      for (const table of ['user_keys', 'colleagues', 'bundle_imports', 'bundle_sync_state', 'bundle_conflicts']) {
        const row = vault.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as
          { sql: string } | undefined;
        expect(row?.sql, table).toMatch(/\)\s*STRICT$/);
      }
    } finally {
      vault.close();
    }
  });
});
