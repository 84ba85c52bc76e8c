/** `ncats recovery-key --rotate`: a new key printed once, the old one refused, administrators only. */
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import { recoverVault } from '../../../main/core/vault/vault';
import { FAST, PASSWORD, cliVaults, ncats } from './cli-fixture';

const CLINICIAN = { username: 'clin', displayName: 'Cal Clinician', password: PASSWORD, role: 'clinician' as const };
let firstKey = '';
const vaults = cliVaults({ main: { username: 'admin', displayName: 'Ada Admin' } }, async ({ main }) => {
  await main.addUser(CLINICIAN);
});

describe('ncats recovery-key', () => {
  it('asks for --rotate rather than doing anything by default', async () => {
    const result = await ncats('recovery-key', ...vaults.as('main'));
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.err).toContain('--rotate');
  });

  it('refuses a clinician', async () => {
    const result = await ncats(
      'recovery-key',
      '--rotate',
      '--vault',
      vaults.dir('main'),
      '--user',
      'clin',
      '--password-stdin',
    );
    expect(result.code).not.toBe(EXIT.OK);
    expect(result.err).toContain('Only an administrator');
  });

  it('prints a new key that opens the vault, and the one before it stops working', async () => {
    const first = await ncats('recovery-key', '--rotate', ...vaults.as('main'));
    expect(first.code).toBe(EXIT.OK);
    firstKey = /New recovery key: (\S+)/.exec(first.out)?.[1] ?? '';
    expect(firstKey).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
    expect(first.out).toContain('backups taken before keep the key they were made with');
    const second = await ncats('recovery-key', '--rotate', ...vaults.as('main'));
    const secondKey = /New recovery key: (\S+)/.exec(second.out)?.[1] ?? '';
    await expect(recoverVault(vaults.dir('main'), firstKey, 'admin', PASSWORD, FAST)).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    const recovered = await recoverVault(vaults.dir('main'), secondKey, 'admin', PASSWORD, FAST);
    recovered.close();
  });
});
