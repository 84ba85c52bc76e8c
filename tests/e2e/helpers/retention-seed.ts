/**
 * Seed a browser-host vault, from its own process beside the open app, with what the retention
 * spec needs and no screen can make: cases referred and closed in 2000, and one declined (so their
 * review dates have passed), through the real core services with the vault's clock set back, and a second
 * administrator. Run as `node --import tsx tests/e2e/helpers/retention-seed.ts VAULT USER`,
 * with the user's password on stdin; prints the cases' references as JSON.
 */
import { contract } from '../../../preload/contract';
import { unlockVault } from '../../../main/core/vault/vault';
import { createCase } from '../../../main/core/cases/cases.service';
import { setCaseStatus } from '../../../main/core/cases/case-status.service';
import { SECOND_ADMIN } from './retention-users';

async function main(): Promise<void> {
  const [vaultDir, username] = process.argv.slice(2) as [string, string];
  const password = (await new Response(process.stdin as unknown as ReadableStream).text()).trim();
  const clock = { now: new Date('2000-03-01T10:00:00Z') };
  const vault = await unlockVault(vaultDir, username, password, { now: () => clock.now });
  try {
    const references: string[] = [];
    for (const [day, family] of [
      ['2000-03-01', 'Oldfield'],
      ['2000-06-01', 'Heldby'],
    ] as const) {
      clock.now = new Date(`${day}T10:00:00Z`);
      let c = createCase(
        vault,
        contract['case:create'].input.parse({
          referralDate: day,
          youngPerson: { givenName: 'Alex', familyName: family, dateOfBirth: '1990-01-01' },
        }),
      );
      for (const status of ['accepted', 'active', 'closed'] as const) {
        c = setCaseStatus(
          vault,
          contract['case:setStatus'].input.parse({
            caseId: c.id,
            expectedVersion: c.version,
            status,
            reason: status === 'closed' ? 'Work completed' : null,
            closingSummary: status === 'closed' ? 'Closed after the agreed work.' : null,
          }),
        );
      }
      references.push(c.reference);
    }
    // A referral declined on 01/09/2000: its review date counts from the decline.
    clock.now = new Date('2000-09-01T10:00:00Z');
    const declined = createCase(
      vault,
      contract['case:create'].input.parse({
        referralDate: '2000-09-01',
        youngPerson: { givenName: 'Alex', familyName: 'Declinedon', dateOfBirth: '1990-01-01' },
      }),
    );
    setCaseStatus(
      vault,
      contract['case:setStatus'].input.parse({
        caseId: declined.id,
        expectedVersion: declined.version,
        status: 'declined',
        reason: 'Does not meet referral criteria',
        closingSummary: null,
      }),
    );
    references.push(declined.reference);
    clock.now = new Date();
    await vault.addUser({ ...SECOND_ADMIN, role: 'administrator' });
    process.stdout.write(JSON.stringify(references));
  } finally {
    vault.close();
  }
}

void main();
