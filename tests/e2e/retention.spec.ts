/**
 * Records retention in the browser host: two cases closed in 2000 and a referral declined then
 * (seeded beside the open app) are due for review. One is put on legal hold and cannot be
 * proposed; the other is marked care-experienced, checked, then proposed by
 * the first administrator, who cannot approve it, and approved by a second administrator with
 * their password in the same vault; its tombstone is then listed. axe-core at 1280 and 320 CSS
 * px, and screenshots of the list, the detail and the tombstone.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { ADMIN_USERNAME, PASSWORD, createVaultAndSignIn, signIn } from './helpers/sign-in';
import { SECOND_ADMIN } from './helpers/retention-users';

const ARTIFACTS = 'tests/e2e/artifacts';
const REPO = resolve(import.meta.dirname, '../..');

function seed(vaultDir: string): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/e2e/helpers/retention-seed.ts', vaultDir, ADMIN_USERNAME],
      { cwd: REPO },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(JSON.parse(out) as string[]) : fail(new Error(`seed failed (${code}): ${err}`)),
    );
    child.stdin.end(`${PASSWORD}\n`);
  });
}

async function bothWidths(page: Page, name: string): Promise<void> {
  await expectNoSeriousViolations(page, `${name} at 1280 px`);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, `${name} at 320 px`);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function openCase(page: Page, reference: string): Promise<void> {
  await page.getByRole('table', { name: 'Cases due for review' }).getByRole('button', { name: reference }).click();
  // Wait for the panel's heading to take the focus before typing (the detail loads first).
  await expect(page.getByRole('heading', { level: 2, name: `Retention of ${reference}` })).toBeFocused();
}

test('two administrators dispose of a due case; a held case cannot be proposed; the tombstone is listed', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  const [due, held, declined] = (await seed(app.vaultDir)) as [string, string, string];

  await goToArea(page, 'Records retention');
  const list = page.getByRole('table', { name: 'Cases due for review' });
  await expect(list.getByRole('row')).toHaveCount(4);
  for (const text of [due, '01/03/2000 (closed)', '01/03/2020', 'Due for review'])
    await expect(list.getByRole('row').nth(1)).toContainText(text);
  // A declined referral: due 20 years after the day it was declined, and the panel says why.
  await expect(list.getByRole('row').nth(3)).toContainText('01/09/2000 (referral declined)');
  await openCase(page, declined);
  await expect(page.getByTestId('retention-detail')).toContainText(
    'Referral declined 01/09/2000: no care was given, so care ended that day',
  );
  await bothWidths(page, 'retention-list');

  // A legal hold: the case shows as held and offers no disposal.
  await openCase(page, held);
  await page.getByLabel('Why the records must be kept').fill('Civil claim notified by the trust solicitor.');
  await page.getByRole('button', { name: 'Place legal hold' }).click();
  await expect(page.getByTestId('retention-detail')).toContainText(
    'On legal hold: Civil claim notified by the trust solicitor.',
  );
  await expect(page.getByTestId('retention-detail')).toContainText('A held case cannot be disposed of.');
  await expect(list.getByRole('row').nth(2)).toContainText('On legal hold');

  // Care-experienced: no proposal until the check for this review date is recorded.
  await openCase(page, due);
  await page
    .getByLabel('Why the young person is care-experienced (for example: looked after by the local authority)')
    .fill('Looked after by the local authority from age 9.');
  await page.getByRole('button', { name: 'Mark care-experienced' }).click();
  await expect(page.getByTestId('retention-detail')).toContainText(
    'Record the care-experienced check above before proposing disposal.',
  );
  await expect(page.getByRole('button', { name: 'Propose disposal' })).toHaveCount(0);
  await expect(list.getByRole('row').nth(1)).toContainText('Care-experienced');
  await expect(list.getByRole('row').nth(1)).toContainText('check needed before disposal');
  await bothWidths(page, 'retention-care-experienced');
  await page.getByLabel(/^The check made/).fill('Leaving-care team asked: no request for the records.');
  await page.getByRole('button', { name: 'Record the check' }).click();
  await expect(page.getByTestId('care-check')).toContainText('Checked by Sam Patel');

  // The first administrator proposes; they are not offered the approval.
  await bothWidths(page, 'retention-detail');
  await page
    .getByLabel('Why these records can be disposed of')
    .fill('Review date passed; retention rules met; no hold.');
  await page.getByRole('button', { name: 'Propose disposal' }).click();
  await expect(page.getByTestId('disposal-proposal')).toContainText('Proposed by Sam Patel');
  await expect(page.getByText('A second administrator must approve it')).toBeVisible();
  await expect(page.getByLabel('Your password, to sign the approval')).toHaveCount(0);

  // The second administrator signs in on the same vault and approves with their password.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signIn(page, { username: SECOND_ADMIN.username, password: SECOND_ADMIN.password });
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await goToArea(page, 'Records retention');
  await openCase(page, due);
  await page.getByLabel('Your password, to sign the approval').fill('not my password at all');
  await page.getByRole('button', { name: `Approve disposal of ${due}` }).click();
  await expect(page.getByTestId('retention-detail')).toContainText('That password is not right');
  await page.getByLabel('Your password, to sign the approval').fill(SECOND_ADMIN.password);
  await page.getByRole('button', { name: `Approve disposal of ${due}` }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Disposed cases' })).toBeFocused();
  const tombstones = page.getByTestId('tombstones');
  await expect(tombstones.getByRole('row')).toHaveCount(2);
  await expect(tombstones).toContainText(due);
  await expect(tombstones).toContainText('Sam Patel');
  await expect(tombstones).toContainText(SECOND_ADMIN.displayName);
  await expect(tombstones).not.toContainText('Oldfield');
  await expect(list.getByRole('row')).toHaveCount(3);
  await bothWidths(page, 'retention-tombstone');
});
