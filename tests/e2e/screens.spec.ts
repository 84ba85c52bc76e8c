import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { acknowledgeRecoveryKey, fillFirstRun } from './helpers/sign-in';
import { goToArea, seedCases } from './helpers/reflow';
import { WINDOW_BACKGROUND } from '../../main/app/window-options';

/*
 * Pictures to look at, not to diff: each main screen at 1280x800 and at 320 CSS px wide, saved
 * as tests/e2e/artifacts/screens-<label>-<width>-<screen>.png. Run it before and after a change
 * to the styles with SCREENS_LABEL=before / after and open the pairs side by side; the walk
 * itself checks that each screen arrives (its heading), so a broken screen fails here too.
 */

const ARTIFACTS = 'tests/e2e/artifacts';
const LABEL = process.env.SCREENS_LABEL ?? 'now';
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
] as const;

/** `#rrggbb` as getComputedStyle writes it. */
function rgbOf(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Photograph the screen as it stands at each width, then go back to the wide window. */
async function photograph(page: Page, screen: string): Promise<void> {
  const file = screen.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await page.mouse.move(0, 0);
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${ARTIFACTS}/screens-${LABEL}-${size.width}-${file}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS[0]);
}

test('each main screen at 1280x800 and 320 CSS px, photographed for a person to compare', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  await page.setViewportSize(WIDTHS[0]);

  await expect(page.getByRole('heading', { level: 1, name: 'Set up NCATS Casework' })).toBeVisible();
  // The page paints the colour the Electron window shows before it (no flash between the two).
  const pageBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(pageBackground).toBe(rgbOf(WINDOW_BACKGROUND));
  await photograph(page, 'First run');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await photograph(page, 'First run with errors');
  await fillFirstRun(page);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write down your recovery key' })).toBeVisible();
  await photograph(page, 'Recovery key');
  await acknowledgeRecoveryKey(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await photograph(page, 'Home, empty');

  const { jordan } = await seedCases(page);
  await goToArea(page, 'Dashboard');
  await goToArea(page, 'Cases');
  await expect(page.getByRole('link', { name: jordan.reference })).toBeVisible();
  await photograph(page, 'Caseload');

  await page.getByRole('button', { name: 'New referral' }).click();
  await expect(page.getByRole('button', { name: 'Record referral' })).toBeVisible();
  await photograph(page, 'New referral');
  await page.getByRole('button', { name: 'Record referral' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await photograph(page, 'New referral with errors');

  const search = page.getByRole('main').getByRole('searchbox').first();
  await search.fill('safety plan');
  await search.press('Enter');
  await expect(page.locator('mark').first()).toBeVisible();
  await photograph(page, 'Search results');

  await page
    .getByRole('link', { name: new RegExp(jordan.reference) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: /Jordan Ellis-Fairweather/ })).toBeVisible();
  const tabs = ['Overview', 'People', 'Paperwork', 'Flags', 'Tasks', 'Notes', 'Documents', 'Chronology', 'Access log'];
  for (const name of tabs) {
    await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 3 }).first()).toBeVisible();
    await photograph(page, `Case tab ${name}`);
  }

  await page.getByRole('button', { name: 'Share this case' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Send a case' })).toBeVisible();
  await photograph(page, 'Sharing Send a case');
  for (const view of ['My key card', 'Colleagues', 'Receive a case']) {
    await page.getByRole('navigation', { name: 'Sharing' }).getByRole('link', { name: view }).click();
    await expect(page.getByRole('heading', { level: 2, name: view })).toBeVisible();
    await photograph(page, `Sharing ${view}`);
  }

  await goToArea(page, 'Administration');
  await expect(page.getByRole('table', { name: 'Users of this vault' })).toBeVisible();
  await photograph(page, 'Administration');
});
