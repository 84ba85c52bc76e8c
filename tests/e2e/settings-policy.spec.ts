/**
 * The Settings area and the machine policy, in the browser host with a policy file named by
 * NCATS_POLICY_FILE (the `policyFileText` option): a valid file's rules shown read-only with
 * where each came from and enforced (a new user's short password refused in words, the
 * passphrase choice off); an invalid file's problems shown in an alert with the strictest rules
 * in force; no file, the defaults. axe on each; screenshots at 1280x800 and 320 CSS px.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';
// Long enough for the 20 characters the managed laptop below asks for.
const LONG_PASSWORD = 'correct horse battery staple';

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, `${name} at 320 px`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways, `${name} scrolls sideways at 320 px`).toBe(false);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

function policySection(page: Page) {
  return page.getByRole('region', { name: 'Policy set by your trust’s IT' });
}

test.describe('a laptop managed by a valid policy file', () => {
  test.use({
    policyFileText: JSON.stringify({
      maxIdleLockMinutes: 5,
      minPasswordLength: 20,
      passphraseBundlesAllowed: false,
      documentExportAllowed: false,
      backupFolder: '/srv/ncats-backups',
    }),
  });

  test('shows each rule in words with where it came from, and enforces them', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await createVaultAndSignIn(page, { password: LONG_PASSWORD });
    await goToArea(page, 'Settings');

    const about = page.getByRole('region', { name: 'About this vault' });
    await expect(about.getByText(app.vaultDir)).toBeVisible();
    await expect(about.getByText(/^NCATS Casework \d+\.\d+\.\d+$/)).toBeVisible();

    const policy = policySection(page);
    await expect(policy.getByText(/come from the policy file your trust’s IT put on this laptop/)).toBeVisible();
    const row = (label: string) => policy.locator('div').filter({ has: page.getByText(label, { exact: true }) });
    await expect(row('Idle lock')).toContainText('at most 5 minutes without activity');
    await expect(row('Idle lock')).toContainText('Set by your trust’s IT.');
    await expect(row('Passwords')).toContainText('at least 20 characters');
    await expect(row('Passphrase bundles')).toContainText('Not allowed');
    await expect(row('Saving documents and reports')).toContainText('can be read in the app only');
    await expect(row('Backup folder')).toContainText('/srv/ncats-backups');
    await expect(row('Backups kept')).toContainText('The app’s default (the policy file does not set it).');
    await expect(policy.getByRole('alert')).toHaveCount(0);
    await expectNoSeriousViolations(page, 'Settings, managed laptop');
    await shoot(page, 'settings-policy-managed');

    // The vault's idle lock is the policy's maximum (the unlock screen would say 5 minutes).
    const idle = await page.evaluate(async () => {
      const api = (window as unknown as { api: { 'vault:status'(i: object): Promise<unknown> } }).api;
      return api['vault:status']({});
    });
    expect(idle).toMatchObject({ ok: true, value: { idleLockMinutes: 5 } });

    // The form says the policy's 20 before anything is typed, and refuses a shorter password in
    // words before it is sent (the core refuses it too: policy-enforcement.test.ts).
    await goToArea(page, 'Administration');
    await expect(page.getByLabel('Initial password')).toHaveAccessibleDescription(/At least 20 characters/);
    await page.getByLabel('Full name').fill('Cal Clinician');
    await page.getByLabel('User name').fill('ccal');
    await page.getByLabel('Initial password').fill('only sixteen chr');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByLabel('Initial password')).toHaveAccessibleDescription(
      /must be at least 20 characters\. It has 16/,
    );
  });
});

test.describe('a laptop whose policy file is invalid', () => {
  test.use({ policyFileText: '{ "maxIdleMinutes": 15, "documentExportAllowed": "yes" }' });

  test('says why in an alert, with the strictest rules in force', async ({ app }) => {
    const { page } = app;
    await createVaultAndSignIn(page, { password: LONG_PASSWORD });
    await goToArea(page, 'Settings');
    const alert = policySection(page).getByRole('alert');
    await expect(alert).toContainText('The policy file could not be used');
    await expect(alert).toContainText('settings the app does not know: "maxIdleMinutes"');
    await expect(alert).toContainText('"documentExportAllowed" is not valid: must be true or false');
    const policy = policySection(page);
    await expect(policy.getByText(/at most 5 minutes/)).toBeVisible();
    await expect(policy.getByText(/at least 16 characters/)).toBeVisible();
    await expect(
      policy.getByText('The strictest setting, because the policy file could not be used.').first(),
    ).toBeVisible();
    await expectNoSeriousViolations(page, 'Settings, invalid policy');
    await shoot(page, 'settings-policy-invalid');
  });
});

test('with no policy file, Settings says the app’s defaults apply', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  await goToArea(page, 'Settings');
  const policy = policySection(page);
  await expect(policy.getByText(/has not set a policy on this laptop/)).toBeVisible();
  await expect(policy.getByText(/at most 10 minutes/)).toBeVisible();
  await expect(policy.getByRole('alert')).toHaveCount(0);
});
