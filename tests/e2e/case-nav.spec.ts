import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createVaultAndSignIn } from './helpers/sign-in';
import { goToArea, measureOverflow, seedCases } from './helpers/reflow';

/*
 * The case page's navigation: its tabs in groups, each group under its heading. At 1280x800 a
 * column on the left with the panel beside it; in a narrow window (320 CSS px, 200 % zoom) the
 * groups stand above the panel with no sideways page scroll. The keyboard path runs across the
 * groups (Up/Down and Left/Right, Home/End) with one tab stop for the whole list; axe scans
 * both widths.
 */

const ARTIFACTS = 'tests/e2e/artifacts';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const GROUPS = ['Case file', 'Clinical work', 'Casework and record'];

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(report, `axe violations on ${screen}`).toEqual([]);
}

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name: new RegExp(`^${name}`) });
}

/** The tab that has the keyboard focus, by its accessible name (without a count). */
async function focusedTab(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('role') === 'tab' ? (el.textContent ?? '').replace(/\s*\(\d+\)$/, '') : '';
  });
}

/** Every tab's name, group by group, as the page shows them. */
async function tabNames(page: Page): Promise<string[]> {
  return page.getByRole('tab').evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s*\(\d+\)$/, '')));
}

/** Show each tab in turn: its content neither scrolls the page sideways nor sticks out of its panel. */
async function expectEveryTabFits(page: Page, names: string[], width: string): Promise<void> {
  for (const name of names) {
    await tab(page, name).click();
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 3 }).first()).toBeVisible();
    expect(await measureOverflow(page, `${name} at ${width}`)).toBeNull();
    const panelOverflow = await page
      .getByRole('tabpanel')
      .evaluate((el) => (el.scrollWidth > el.clientWidth ? el.scrollWidth - el.clientWidth : 0));
    expect(panelOverflow, `${name} sticks out of its panel at ${width}`).toBe(0);
  }
}

test('the case page’s tabs stand in headed groups, walked by keyboard across groups, at 1280 and 320 px', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  // A case with an open flag (and tasks and people), so counts show.
  const { jordan } = await seedCases(page);
  await goToArea(page, 'Dashboard');
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: jordan.reference }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Jordan Ellis-Fairweather/ })).toBeVisible();
  await expect(tab(page, 'Flags')).toContainText('(1)');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1280x800.png` });
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1280-full.png`, fullPage: true });

  // One tab list per group, named by its visible heading, vertical at this width.
  for (const group of GROUPS) {
    await expect(page.getByRole('heading', { name: group, exact: true })).toBeVisible();
    await expect(page.getByRole('tablist', { name: group, exact: true })).toHaveAttribute(
      'aria-orientation',
      'vertical',
    );
  }
  const names = await tabNames(page);
  expect(names.slice(0, 3)).toEqual(['Overview', 'People', 'Paperwork']);
  expect(names.slice(-6)).toEqual(['Flags', 'Tasks', 'Notes', 'Documents', 'Chronology', 'Access log']);
  const clinical = names.slice(3, -6);
  expect(clinical.length).toBeGreaterThan(0);
  await expect(page.getByRole('tablist', { name: 'Clinical work' }).getByRole('tab')).toHaveCount(clinical.length);

  // The list is one column on the left; the panel takes the rest of the width beside it.
  const first = await tab(page, 'Overview').boundingBox();
  const last = await tab(page, 'Access log').boundingBox();
  const panel = await page.getByRole('tabpanel').boundingBox();
  if (!first || !last || !panel) throw new Error('the tabs or the panel are not on screen');
  expect(Math.abs(first.x - last.x)).toBeLessThan(1);
  expect(last.y).toBeGreaterThan(first.y);
  // (The shown tab reaches 1 px over the panel's border, to join it.)
  expect(panel.x).toBeGreaterThanOrEqual(last.x + last.width);
  expect(panel.width).toBeGreaterThan(700);
  // The whole column is shorter than the window, so (kept in view as the page scrolls) every
  // tab can be seen at once; with today's twelve tabs, without scrolling at all.
  const heading = await page.getByRole('heading', { name: 'Case file', exact: true }).boundingBox();
  expect(last.y + last.height - (heading?.y ?? 0)).toBeLessThan(800 - 100);
  console.log(`${names.length} tabs: the last ends at ${Math.round(last.y + last.height)} px`);

  // The selected tab is marked by more than colour: its weight and a bar beside it.
  const marks = await tab(page, 'Overview').evaluate((el) => {
    const s = getComputedStyle(el);
    return { bar: s.borderLeftWidth, underline: s.textDecorationLine };
  });
  expect(marks.bar).not.toBe('0px');
  expect(marks.underline).toBe('none');
  await expectNoSeriousViolations(page, 'the case page at 1280x800');

  // The keyboard path: Down from the last of a group goes to the first of the next, and is shown.
  await tab(page, 'Paperwork').click();
  await page.keyboard.press('ArrowDown');
  expect(await focusedTab(page)).toBe(clinical[0]);
  await expect(tab(page, clinical[0] ?? '')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', /case-tab-/);
  // Up goes back across the group boundary; Left and Right do the same as Up and Down.
  await page.keyboard.press('ArrowUp');
  expect(await focusedTab(page)).toBe('Paperwork');
  await page.keyboard.press('ArrowRight');
  expect(await focusedTab(page)).toBe(clinical[0]);
  await page.keyboard.press('ArrowLeft');
  expect(await focusedTab(page)).toBe('Paperwork');
  // End and Home reach the ends of the whole list; past an end it wraps round.
  await page.keyboard.press('End');
  expect(await focusedTab(page)).toBe('Access log');
  await expect(tab(page, 'Access log')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  expect(await focusedTab(page)).toBe('Overview');
  await page.keyboard.press('ArrowUp');
  expect(await focusedTab(page)).toBe('Access log');
  await page.keyboard.press('Home');
  expect(await focusedTab(page)).toBe('Overview');
  // Walk down to Notes: one tab selected at a time, in every group together.
  while ((await focusedTab(page)) !== 'Notes') await page.keyboard.press('ArrowDown');
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveCount(1);
  await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1280-focus.png` });
  // One tab stop for the whole list: Tab goes from the selected tab to its panel, not the next group.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel')).toBeFocused();
  await expect(page.getByRole('tabpanel').getByRole('heading', { level: 3 }).first()).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(tab(page, 'Notes')).toBeFocused();

  // Every tab's content fits the narrower panel: nothing sticks out of it or scrolls the page.
  await expectEveryTabFits(page, names, '1280 px');
  await tab(page, 'Flags').click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1280-flags.png` });

  // Fifteen tabs (attachment, interventions and Safe Home are still to come): a layout probe
  // copies three tabs into Clinical work for the picture and the measure, then takes them away.
  await page.evaluate(() => {
    const list = document.querySelector('[role="tablist"][aria-labelledby="case-tab-group-clinical"]');
    const model = list?.querySelector('[role="tab"]');
    if (!list || !model) throw new Error('no Clinical work tab list');
    for (const label of ['Attachment', 'Interventions', 'Safe Home']) {
      const copy = model.cloneNode(false) as HTMLElement;
      copy.removeAttribute('id');
      copy.setAttribute('aria-selected', 'false');
      copy.setAttribute('tabindex', '-1');
      copy.dataset.probe = 'true';
      copy.textContent = label;
      list.append(copy);
    }
  });
  await expect(page.getByRole('tab')).toHaveCount(names.length + 3);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1280-15-tabs.png` });
  const fifteenth = await tab(page, 'Access log').boundingBox();
  expect((fifteenth?.y ?? 0) + (fifteenth?.height ?? 0) - (heading?.y ?? 0)).toBeLessThan(800 - 100);
  // The column keeps its place while the panel scrolls, so every tab stays reachable in view.
  await page.mouse.wheel(0, 400);
  await expect.poll(async () => (await tab(page, 'Access log').boundingBox())?.y).toBeLessThan(800 - 32);
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1280-15-tabs-scrolled.png` });
  console.log(
    `fifteen tabs: the last ends at ${Math.round((fifteenth?.y ?? 0) + (fifteenth?.height ?? 0))} px unscrolled`,
  );
  await page.evaluate(() => document.querySelectorAll('[data-probe]').forEach((el) => el.remove()));
  await page.mouse.wheel(0, -400);

  // Just over the breakpoint the column stays and the panel is at its narrowest: still every
  // tab's content fits it.
  await page.setViewportSize({ width: 1120, height: 800 });
  await expect(page.getByRole('tablist', { name: 'Case file', exact: true })).toHaveAttribute(
    'aria-orientation',
    'vertical',
  );
  await expectEveryTabFits(page, names, '1120 px');
  await tab(page, 'Tasks').click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1120-tasks.png` });

  // At 1100 px and below the groups go above the panel, which gets the whole width.
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect(page.getByRole('tablist', { name: 'Case file', exact: true })).toHaveAttribute(
    'aria-orientation',
    'horizontal',
  );
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-1000-tasks.png` });
  await tab(page, 'Overview').click();
  expect(await measureOverflow(page, 'case page at 1000 px')).toBeNull();
  await page.setViewportSize({ width: 860, height: 800 });
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-860.png` });
  expect(await measureOverflow(page, 'case page at 860 px')).toBeNull();

  // 320 CSS px: above the panel, horizontal, no sideways page scroll, every tab reachable.
  await page.setViewportSize({ width: 320, height: 640 });
  for (const group of GROUPS)
    await expect(page.getByRole('tablist', { name: group, exact: true })).toHaveAttribute(
      'aria-orientation',
      'horizontal',
    );
  const narrowLast = await tab(page, 'Access log').boundingBox();
  const narrowPanel = await page.getByRole('tabpanel').boundingBox();
  if (!narrowLast || !narrowPanel) throw new Error('the tabs or the panel are not on screen at 320 px');
  expect(narrowPanel.y).toBeGreaterThanOrEqual(narrowLast.y + narrowLast.height);
  expect(await measureOverflow(page, 'case page at 320 px')).toBeNull();
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-320.png` });
  await page.getByRole('heading', { name: 'Case file', exact: true }).evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-320-tabs.png` });
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-320-full.png`, fullPage: true });
  await expectNoSeriousViolations(page, 'the case page at 320 px');
  await tab(page, 'Overview').focus();
  await page.keyboard.press('ArrowRight');
  expect(await focusedTab(page)).toBe('People');
  await tab(page, 'Flags').click();
  await expect(page.getByRole('tabpanel').getByRole('heading', { level: 3 }).first()).toBeVisible();
  expect(await measureOverflow(page, 'Flags at 320 px')).toBeNull();
  await page.screenshot({ path: `${ARTIFACTS}/case-nav-320-flags.png` });
});
