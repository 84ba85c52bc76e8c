/**
 * Third-party marking of documents on the browser host: a document marked on upload, another
 * marked later from the viewer (and unmarked again); on the Send a case screen the marked one is
 * unticked by default and ticking it shows a warning naming it. Both screens scanned with axe.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations, makeCase } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

async function attach(page: Page, name: string, marked: boolean) {
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: `${name}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`${name}: test content.`),
  });
  if (marked) await page.getByLabel('Holds third-party information').check();
  await page.getByRole('button', { name: 'Attach document' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

test('a document marked as third-party is unticked by default when the case is sent', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const made = await makeCase(page, 'Robin', 'Marsh', '2012-03-04');
  await goToArea(page, 'Sharing');
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: made.reference }).first().click();
  await page.getByRole('tab', { name: /^Documents/ }).click();

  await attach(page, 'Victim statement', true);
  await expect(page.getByLabel('Holds third-party information')).not.toBeChecked();
  await attach(page, 'School report', false);
  const victimRow = page.getByRole('row', { name: /Victim statement/ });
  const schoolRow = page.getByRole('row', { name: /School report/ });
  await expect(victimRow.getByText('Third-party information')).toBeVisible();
  await expect(schoolRow.getByText('Third-party information')).toHaveCount(0);

  // Marked later, from the viewer, and unmarked again.
  await schoolRow.getByRole('button', { name: /^View/ }).click();
  await page.getByRole('button', { name: 'Mark as holding third-party information' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'School report is marked' })).toBeVisible();
  await expect(schoolRow.getByText('Third-party information')).toBeVisible();
  await expectNoSeriousViolations(page, 'Documents tab with a marked document');
  await page.getByRole('button', { name: 'Remove the third-party marking' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'no longer marked' })).toBeVisible();
  await expect(schoolRow.getByText('Third-party information')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('documents-third-party.png'), fullPage: true });

  await goToArea(page, 'Sharing');
  await page.getByRole('navigation', { name: 'Sharing' }).getByRole('link', { name: 'Send a case' }).click();
  await page.getByLabel('Case reference or name').fill(made.reference);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('button', { name: `Choose ${made.reference}` }).click();
  const whatGoesIn = page.getByRole('group', { name: 'What goes in' });
  await expect(whatGoesIn).toBeVisible();
  const victim = whatGoesIn.getByRole('checkbox', { name: /Victim statement/ });
  await expect(victim).not.toBeChecked();
  await expect(whatGoesIn.getByRole('checkbox', { name: /School report/ })).toBeChecked();
  await expect(whatGoesIn.getByText('marked as holding third-party information will go in')).toHaveCount(0);
  await victim.check();
  await expect(whatGoesIn.getByRole('status')).toContainText(
    'A document marked as holding third-party information will go in the bundle: Victim statement.',
  );
  await expectNoSeriousViolations(page, 'Send a case with a marked document ticked');
  await page.screenshot({ path: test.info().outputPath('send-case-third-party.png'), fullPage: true });
});
