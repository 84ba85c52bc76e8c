import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * The one shared Pager, on a case tab: at the end of the list its button stays where it is,
 * focused and marked aria-disabled, so a keyboard user is not dropped to the top of the page.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

test('paging the notes to the end keeps the focus on the pager button', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const alex = await makeCase(page, 'Alex', 'Morgan', '2011-09-02');
  // 21 notes: one more than a page.
  for (let i = 1; i <= 21; i++) {
    await api(page, 'note:create', {
      caseId: alex.id,
      note: { occurredAt: `${isoDaysFromToday(-30 + i)}T10:00:00Z`, type: 'session', text: `Session ${i} with Alex.` },
    });
  }
  await page.getByRole('link', { name: 'My tasks' }).click();
  await page.getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('link', { name: alex.reference }).click();
  await page.getByRole('tab', { name: /^Notes/ }).click();

  const pager = page.getByRole('navigation', { name: 'Pages of notes' });
  const newer = pager.getByRole('button', { name: 'Newer' });
  const older = pager.getByRole('button', { name: 'Older' });
  await expect(pager).toContainText('Showing 1 to 20 of 21');
  await expect(newer).toHaveAttribute('aria-disabled', 'true');
  await page.screenshot({ path: `${ARTIFACTS}/pager-notes-1280.png`, fullPage: false });

  await older.focus();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Showing 21 to 21 of 21');
  // The last page: Older does nothing now, but it still has the focus.
  await expect(older).toHaveAttribute('aria-disabled', 'true');
  await expect(older).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Showing 21 to 21 of 21');
  await expect(older).toBeFocused();
  await expectNoSeriousViolations(page, 'notes tab, last page');

  await page.setViewportSize({ width: 320, height: 800 });
  await older.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/pager-notes-320.png`, fullPage: false });

  await page.keyboard.press('Shift+Tab');
  await expect(newer).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Showing 1 to 20 of 21');
  await expect(newer).toBeFocused();
});
