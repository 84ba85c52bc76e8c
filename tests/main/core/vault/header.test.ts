import { mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HEADER_FORMAT_VERSION,
  headerPath,
  readHeader,
  writeHeader,
  type VaultHeader,
} from '../../../../main/core/vault/header';
import { unlockVault } from '../../../../main/core/vault/vault';
import { ADMIN, FAST, headerBytes, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function closedVault(): Promise<{ dir: string; header: VaultHeader }> {
  const dir = vaultDirIn(dirs.make());
  const { vault } = await newVault(dir);
  vault.close();
  return { dir, header: readHeader(dir) };
}

function expectCode(fn: () => unknown, code: string): void {
  expect(fn).toThrow(expect.objectContaining({ code }));
}

describe('readHeader', () => {
  it('reads back what writeHeader wrote', async () => {
    const { dir, header } = await closedVault();
    writeHeader(dir, { ...header, createdAt: '2020-01-01T00:00:00.000Z' });
    expect(readHeader(dir)).toEqual({ ...header, createdAt: '2020-01-01T00:00:00.000Z' });
  });

  it('missing header: NO_VAULT', () => {
    expectCode(() => readHeader(dirs.make()), 'NO_VAULT');
  });

  it('garbage that is not JSON: VAULT_CORRUPT', async () => {
    const { dir } = await closedVault();
    writeFileSync(headerPath(dir), '{"format": "ncats-vault", tru');
    expectCode(() => readHeader(dir), 'VAULT_CORRUPT');
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['an unknown field', { extra: 1 }],
    ['a slot missing its salt', 'drop-salt'],
    ['a role that does not exist', 'bad-role'],
  ])('valid JSON of the wrong shape (%s): VAULT_CORRUPT', async (_name, change) => {
    const { dir, header } = await closedVault();
    let json: unknown;
    if (change === 'drop-salt') {
      json = { ...header, slots: header.slots.map(({ salt: _salt, ...rest }) => rest) };
    } else if (change === 'bad-role') {
      json = { ...header, slots: header.slots.map((s) => ({ ...s, role: 'superuser' })) };
    } else if (change && typeof change === 'object' && !Array.isArray(change)) {
      json = { ...header, ...change };
    } else {
      json = change;
    }
    writeFileSync(headerPath(dir), JSON.stringify(json));
    expectCode(() => readHeader(dir), 'VAULT_CORRUPT');
  });

  it('a newer format version: VAULT_TOO_NEW (even if its shape is unknown to us)', async () => {
    const { dir, header } = await closedVault();
    writeFileSync(
      headerPath(dir),
      JSON.stringify({ ...header, formatVersion: HEADER_FORMAT_VERSION + 1, newThing: 1 }),
    );
    expectCode(() => readHeader(dir), 'VAULT_TOO_NEW');
    await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'VAULT_TOO_NEW',
    });
  });
});

describe('writeHeader', () => {
  it('replaces the file atomically and leaves no temporary file behind', async () => {
    const { dir, header } = await closedVault();
    writeHeader(dir, { ...header, pendingAudit: [] });
    expect(readdirSync(dir).sort()).toEqual(['vault.db', 'vault.json']);
    expect(readFileSync(headerPath(dir), 'utf8').endsWith('\n')).toBe(true);
  });

  it('when the temporary file cannot be made, the old header is intact and the original error surfaces', async () => {
    const { dir, header } = await closedVault();
    const before = headerBytes(dir);
    // A directory squatting on the temporary file's name: open() fails with EISDIR.
    const squatter = `${headerPath(dir)}.${process.pid}.tmp`;
    mkdirSync(squatter);
    expect(() => writeHeader(dir, { ...header, lockout: {} })).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(headerBytes(dir)).toBe(before);
    rmdirSync(squatter);
    expect(readHeader(dir)).toEqual(header);
  });

  it('when the vault folder has been replaced by a file (ENOTDIR), nothing is written and the header survives', async () => {
    const { dir, header } = await closedVault();
    const before = headerBytes(dir);
    const moved = join(dirs.make(), 'moved-away');
    renameSync(dir, moved);
    writeFileSync(dir, 'not a folder');
    // Not a disk-full or read-only problem, so fsError passes it through unchanged.
    expect(() => writeHeader(dir, { ...header, lockout: {} })).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(readFileSync(dir, 'utf8')).toBe('not a folder');
    expect(headerBytes(moved)).toBe(before);
    expect(readdirSync(moved).sort()).toEqual(['vault.db', 'vault.json']);
  });
});
