import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { acknowledgeRecoveryKey, createVaultAndSignIn, fillFirstRun, signIn } from './helpers/sign-in';
import { goToArea, measureOverflow, seedCases, type Overflow } from './helpers/reflow';

/*
 * Layout and access: every screen reflows at 320 CSS px wide (WCAG 2.2 1.4.10, what 200 % zoom
 * of a 640 px window gives) without scrolling the page sideways, and passes axe there; at
 * 1280x800 an open case owns the screen (its tabs and the first of their content on screen).
 */

const ARTIFACTS = 'tests/e2e/artifacts';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What a walk through the screens found: pages that scroll sideways, and axe violations. */
class Findings {
  readonly overflows: Overflow[] = [];
  readonly violations: string[] = [];
  readonly screens: string[] = [];

  constructor(private readonly page: Page) {}

  /** Measure the screen, scan it with axe and keep a screenshot to look at. */
  async check(screen: string): Promise<void> {
    const { page } = this;
    this.screens.push(screen);
    await page.mouse.move(0, 0);
    const overflow = await measureOverflow(page, screen);
    if (overflow) this.overflows.push(overflow);
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    for (const v of results.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      this.violations.push(`${screen}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    const file = screen.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    // The first screen, as a clinician sees it at 200 % zoom, and the whole page.
    await page.screenshot({ path: `${ARTIFACTS}/reflow-320-${file}.png` });
    await page.screenshot({ path: `${ARTIFACTS}/reflow-320-${file}-full.png`, fullPage: true });
  }
}

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name: new RegExp(`^${name}`) });
}

test('every screen reflows at 320 CSS px wide, with no sideways page scroll and no serious axe violation', async ({
  app,
}) => {
  // About thirty screens, each measured, scanned and photographed, on a shared two-core machine.
  test.setTimeout(300_000);
  const { page } = app;
  await page.setViewportSize({ width: 320, height: 640 });
  const found = new Findings(page);

  // Before sign-in: first run (empty, then with its errors) and the recovery key.
  await expect(page.getByRole('heading', { level: 1, name: 'Set up NCATS Casework' })).toBeVisible();
  await found.check('First run');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await found.check('First run with errors');
  await fillFirstRun(page);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write down your recovery key' })).toBeVisible();
  await found.check('Recovery key');
  await acknowledgeRecoveryKey(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await found.check('Home, empty');

  const { jordan } = await seedCases(page);
  // Leave and come back, so the caseload asks the core again and lists the seeded cases.
  await goToArea(page, 'Dashboard');
  await found.check('Dashboard');
  await goToArea(page, 'Cases');
  await expect(page.getByRole('link', { name: jordan.reference })).toBeVisible();
  await found.check('Caseload');

  // The navigation, opened from its Menu button at this width.
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' })).toBeVisible();
  await found.check('Navigation menu open');
  await page.getByRole('button', { name: 'Menu' }).click();

  await page.getByRole('navigation', { name: 'Cases' }).getByRole('link', { name: 'My tasks' }).click();
  await expect(page.getByRole('row', { name: /Book the professionals meeting/ })).toBeVisible();
  await found.check('My tasks');
  await page.getByRole('button', { name: 'New referral' }).click();
  await page.getByRole('button', { name: 'Record referral' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await found.check('New referral with errors');

  const search = page.getByRole('main').getByRole('searchbox').first();
  await search.fill('safety plan');
  await search.press('Enter');
  await expect(page.locator('mark').first()).toBeVisible();
  await found.check('Search results');

  // One case, every tab (a document attached on the way, so its table has a row).
  await page
    .getByRole('link', { name: new RegExp(jordan.reference) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: /Jordan Ellis-Fairweather/ })).toBeVisible();
  for (const name of ['Overview', 'People', 'Paperwork', 'Flags', 'Tasks', 'Notes', 'Documents']) {
    await tab(page, name).click();
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 3 }).first()).toBeVisible();
    await found.check(`Case tab ${name}`);
  }
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'Referral form from Leeds Children’s Social Care.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Attach document' }).click();
  await expect(page.getByRole('row', { name: /Referral form from Leeds/ })).toBeVisible();
  await found.check('Case tab Documents with a document');
  for (const name of ['Chronology', 'Access log']) {
    await tab(page, name).click();
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 3 }).first()).toBeVisible();
    await found.check(`Case tab ${name}`);
  }

  // Sharing, each of its views; Send a case with a case chosen from the case page.
  await page.getByRole('button', { name: 'Share this case' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Send a case' })).toBeVisible();
  await expect(page.getByText('Basis for sharing', { exact: false }).first()).toBeVisible();
  await found.check('Sharing send a case');
  for (const view of ['My key card', 'Colleagues', 'Receive a case']) {
    await page.getByRole('navigation', { name: 'Sharing' }).getByRole('link', { name: view }).click();
    await expect(page.getByRole('heading', { level: 2, name: view })).toBeVisible();
    await found.check(`Sharing ${view}`);
  }

  for (const area of ['Consultations', 'Assessments', 'Interventions', 'Safe Home', 'Training']) {
    await goToArea(page, area);
    await found.check(area);
  }
  await goToArea(page, 'Administration');
  await expect(page.getByRole('table', { name: 'Users of this vault' })).toBeVisible();
  await found.check('Administration');

  // After sign-in: the sign-in screen, with an error, and the recovery screen.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await found.check('Sign in');
  await signIn(page, { password: 'not the password' });
  await expect(page.getByRole('alert')).toContainText('not right');
  await found.check('Sign in with an error');
  await page.getByRole('button', { name: 'Forgotten password? Use the recovery key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset a password with the recovery key' })).toBeVisible();
  await found.check('Recover');

  expect(found.screens.length).toBeGreaterThanOrEqual(30);
  expect(found.overflows, 'screens that scroll sideways at 320 CSS px').toEqual([]);
  expect(found.violations, 'serious axe violations at 320 CSS px').toEqual([]);
});

test('at 1280x800 an open case owns the screen: its tabs near the top, the first of their content on screen', async ({
  app,
}) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const { jordan } = await seedCases(page);
  await goToArea(page, 'Dashboard');
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: jordan.reference }).click();
  const name = page.getByRole('heading', { level: 2, name: 'Jordan Ellis-Fairweather' });
  await expect(name).toBeVisible();
  await expect(page.getByTestId('flag-banner')).toContainText('Police liaison needed');

  // The header holds who, where the case stands, the clock and the open flag.
  const header = page.getByRole('group', { name: 'Case summary' });
  for (const fact of [jordan.reference, 'Referred', '14/03/2012', 'Sam Patel', 'Waiting for paperwork', '1 open flag'])
    await expect(header).toContainText(fact);
  // The case's sections start near the top: the first group's heading, with its tabs under it.
  const tabList = await page.getByRole('heading', { name: 'Case file', exact: true }).boundingBox();
  expect(tabList?.y, 'top of the tab list').toBeLessThan(260);
  const firstContent = await page.getByRole('tabpanel').locator(':scope > *').first().boundingBox();
  expect(firstContent && firstContent.y + Math.min(firstContent.height, 40), 'first content of the panel').toBeLessThan(
    800,
  );

  // A clear way back, and the search, stay above the case.
  await expect(page.getByRole('button', { name: 'Back to the caseload' })).toBeInViewport();
  await expect(page.getByRole('main').getByRole('searchbox').first()).toBeInViewport();
  // The area heading is still there for screen readers, out of sight.
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeAttached();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/reflow-1280-case-page.png` });

  await page.getByRole('button', { name: 'Back to the caseload' }).click();
  await expect(page.getByRole('link', { name: jordan.reference })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/reflow-1280-caseload.png` });
});

/** The focus ring's shadow of an element (none, or the yellow and black rings of the focus-ring token). */
function ringOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) => getComputedStyle(el).boxShadow);
}

test('a heading focused on arrival gets no focus box; a control reached by Tab shows its ring', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const { jordan } = await seedCases(page);

  // Arrive in an area from the keyboard: focus goes to its heading, which draws no box.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  expect(await ringOf(page, 'h1')).toBe('none');

  // Open a case from the keyboard: focus on the young person's name, no box either.
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: jordan.reference }).focus();
  await page.keyboard.press('Enter');
  const name = page.getByRole('heading', { level: 2, name: 'Jordan Ellis-Fairweather' });
  await expect(name).toBeFocused();
  expect(await ringOf(page, 'h2:focus')).toBe('none');
  await page.screenshot({ path: `${ARTIFACTS}/reflow-1280-case-focus-on-name.png` });

  // The next Tab lands on a control, whose ring is plain to see (WCAG 2.4.7).
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() =>
    document.activeElement ? getComputedStyle(document.activeElement).boxShadow : '',
  );
  expect(ring).toContain('rgb(255, 235, 59)');
});

test('at 200 % zoom the main navigation folds behind a Menu button, worked from the keyboard', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  // Wide: the links are there and the button is not.
  await expect(menu).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Training' })).toBeVisible();

  // A 1280 px window at 200 %: 640 CSS px.
  await page.setViewportSize({ width: 640, height: 400 });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Training' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeInViewport();

  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Home', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  await page.keyboard.press('Space');
  for (let i = 0; i < 9; i++) await page.keyboard.press('Tab'); // Home, Cases ... Dashboard
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.screenshot({ path: `${ARTIFACTS}/reflow-640-dashboard.png` });
});
