/**
 * The one way e2e specs get into the app: fill the first-run form, get past the recovery key
 * shown once, and sign in on the Sign in screen, all through the screens a user sees (labels
 * and buttons, as a screen reader names them). Specs about those screens themselves call the
 * steps one by one and check what they need in between.
 */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { recordSecret } from '../log-capture/run-logs';

/** The first administrator every spec's vault is created with. */
export const ADMIN_NAME = 'Sam Patel';
export const ADMIN_USERNAME = 'spatel';
export const PASSWORD = 'correct horse battery';

/** Who creates the vault (default: Sam Patel, spatel, the shared test password). */
export interface FirstAdministrator {
  name?: string;
  username?: string;
  password?: string;
}

/** Fill the four fields of the first-run form, without submitting it. */
export async function fillFirstRun(page: Page, who: FirstAdministrator = {}): Promise<void> {
  const password = who.password ?? PASSWORD;
  recordSecret('password', password);
  await page.getByLabel('Your full name').fill(who.name ?? ADMIN_NAME);
  await page.getByLabel('User name').fill(who.username ?? ADMIN_USERNAME);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
}

/**
 * On the recovery key screen: read the key, tick that it is written down and continue.
 * Returns the key with its groups joined by dashes, as a user would type it back.
 */
export async function acknowledgeRecoveryKey(page: Page): Promise<string> {
  const key = await page.getByTestId('recovery-key').innerText();
  // Noted for the check that no recovery key reached a log (under Electron there is no HTTP to watch).
  recordSecret('recovery key', key);
  await page.getByLabel('I have written down the recovery key and stored it safely').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return key.replace(/\s+/g, '-');
}

/**
 * After signing in the app opens on Home, for every role: check that Home came first, then go
 * to the Cases area through the main navigation, where most specs start. The Cases heading
 * takes the focus, as after any choice in the navigation.
 */
export async function arriveInCases(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  // In a narrow window the navigation sits behind its Menu button.
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeFocused();
}

/**
 * Create the vault from the first-run screen, get past the recovery key and arrive in the
 * Cases area (after Home, the first screen), signed in as its first administrator. Returns the
 * recovery key.
 */
export async function createVaultAndSignIn(page: Page, who: FirstAdministrator = {}): Promise<string> {
  await fillFirstRun(page, who);
  await page.getByRole('button', { name: 'Create vault' }).click();
  const key = await acknowledgeRecoveryKey(page);
  await arriveInCases(page);
  return key;
}

/**
 * Type a user name and password on the Sign in screen and press Sign in. It does not wait for
 * what follows: a spec checks Home (then {@link arriveInCases}), or the error a wrong password gives.
 */
export async function signIn(
  page: Page,
  { username = ADMIN_USERNAME, password = PASSWORD }: { username?: string; password?: string } = {},
): Promise<void> {
  recordSecret('password', password);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
