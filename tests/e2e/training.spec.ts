/**
 * The Training area in the browser host, from the keyboard: a package added with its materials
 * uploaded (stored encrypted) and downloaded, an empty event form refused in words, an event
 * recorded against the package and listed with its confidence before and after, the list
 * filtered by sector, and a second event recorded with a new package named in its form.
 * axe-core on each screen; screenshots at 1280x800 and 320 CSS px.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.type(text);
}

async function press(page: Page, control: Locator): Promise<void> {
  await control.focus();
  await page.keyboard.press('Enter');
}

async function tick(page: Page, control: Locator): Promise<void> {
  await control.focus();
  await page.keyboard.press('Space');
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, `${name} at 320 px`);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a training package with materials and an event recorded and listed, from the keyboard', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await createVaultAndSignIn(page);
  await goToArea(page, 'Training');
  await expect(page.getByText('No training events yet.')).toBeVisible();
  await expectNoSeriousViolations(page, 'Training area, empty');

  // A package, then its slides uploaded to the current version.
  await press(page, page.getByRole('button', { name: 'Add a package' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Add a training package' })).toBeFocused();
  await typeInto(page, page.getByLabel('Title', { exact: true }), 'Understanding harmful sexual behaviour');
  await typeInto(page, page.getByLabel('Summary (optional)'), 'The continuum from healthy to harmful behaviour.');
  await tick(page, page.getByRole('checkbox', { name: 'Education' }));
  await tick(page, page.getByRole('checkbox', { name: 'Social care' }));
  await page.getByLabel('Current materials version').fill('2');
  await press(page, page.getByRole('button', { name: 'Add package' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Added the package “Understanding harmful sexual behaviour”.' }),
  ).toBeVisible();

  const card = page.getByRole('article', { name: 'Understanding harmful sexual behaviour' });
  await expect(card).toContainText('Version 2');
  await card.getByLabel('File', { exact: true }).setInputFiles({
    name: 'hsb-slides-v2.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Slides for the HSB awareness day\n%%EOF\n'),
  });
  await typeInto(page, card.getByLabel('Title (optional)'), 'Slides');
  await press(page, card.getByRole('button', { name: 'Add to the materials' }));
  await expect(card.getByRole('status')).toContainText('Added “Slides” to version 2.');
  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: /^Slides/ }).click();
  expect((await download).suggestedFilename()).toBe('hsb-slides-v2.pdf');

  // An empty event form says what is missing, and focuses the first problem.
  await press(page, page.getByRole('button', { name: 'Record an event' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Record a training event' })).toBeFocused();
  await press(page, page.getByRole('button', { name: 'Record event' }));
  await expect(page.getByText('Give the event a title.')).toBeVisible();
  await expect(page.getByText('Enter the first day.')).toBeVisible();
  await expect(page.getByText('Enter the number of attendees.')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await expectNoSeriousViolations(page, 'Event form with errors');

  await typeInto(page, page.getByLabel('Title', { exact: true }), 'HSB awareness for safeguarding leads');
  await expect(page.getByLabel('Package delivered')).toHaveValue(/[0-9a-f-]{36}/);
  await typeInto(page, page.getByLabel('Commissioning organisation'), 'Leeds Learning Partnership');
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: 'Education' });
  await typeInto(page, page.getByLabel('First day'), '14/10/2025');
  await typeInto(page, page.getByLabel('Last day (optional)'), '15/10/2025');
  await tick(page, page.getByRole('radio', { name: 'In person' }));
  await typeInto(page, page.getByLabel('Attendees'), '24');
  await typeInto(page, page.getByLabel('Evaluations returned (optional)'), '30');
  await typeInto(page, page.getByLabel('Average confidence before (optional)'), '4.5');
  await typeInto(page, page.getByLabel('Average confidence after (optional)'), '7.8');
  await typeInto(page, page.getByLabel('Themes from the evaluations (optional)'), 'Wanted more on online behaviour.');
  await press(page, page.getByRole('button', { name: 'Record event' }));
  // More evaluations than attendees: refused in the contract's words, focus on the field.
  await expect(page.getByText('More evaluations were returned than there were attendees')).toBeVisible();
  await expect(page.getByLabel('Evaluations returned (optional)')).toBeFocused();
  await page.getByLabel('Evaluations returned (optional)').fill('20');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${ARTIFACTS}/training-event-form.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, 'Event form at 320 px');
  await page.screenshot({ path: `${ARTIFACTS}/training-event-form-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await press(page, page.getByRole('button', { name: 'Record event' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Recorded “HSB awareness for safeguarding leads”.' }),
  ).toBeVisible();

  const table = page.getByTestId('training-events-table');
  const row = table.getByRole('row', { name: /HSB awareness for safeguarding leads/ });
  await expect(row).toContainText('14/10/2025 to 15/10/2025');
  await expect(row).toContainText('Leeds Learning Partnership');
  await expect(row).toContainText('Education');
  await expect(row).toContainText('In person');
  await expect(row).toContainText('24');
  await expect(row).toContainText('4.5');
  await expect(row).toContainText('7.8');
  await expect(card).toContainText('1 event');

  // A second event, with a new package named in the form.
  await press(page, page.getByRole('button', { name: 'Record an event' }));
  await typeInto(page, page.getByLabel('Title', { exact: true }), 'Trauma and HSB: conference workshop');
  await page.getByLabel('Package delivered').selectOption({ label: 'New package…' });
  await typeInto(page, page.getByLabel('New package title'), 'Trauma, attachment and HSB');
  await tick(
    page,
    page.getByRole('group', { name: 'Who the package is for' }).getByRole('checkbox', { name: 'Conference' }),
  );
  await typeInto(page, page.getByLabel('Commissioning organisation'), 'Northern Safeguarding Conference');
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: 'Conference' });
  await typeInto(page, page.getByLabel('First day'), '03/11/2025');
  await tick(page, page.getByRole('radio', { name: 'Virtual' }));
  await typeInto(page, page.getByLabel('Attendees'), '120');
  await typeInto(page, page.getByLabel('Evaluations returned (optional)'), '64');
  await typeInto(page, page.getByLabel('Average confidence after (optional)'), '8');
  await press(page, page.getByRole('button', { name: 'Record event' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Recorded “Trauma and HSB: conference workshop”.' }),
  ).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('03/11/2025');
  await expect(page.getByRole('article', { name: 'Trauma, attachment and HSB' })).toContainText('1 event');
  await expectNoSeriousViolations(page, 'Training area with events');
  await shoot(page, 'training-area');

  // Filtered by sector: only the education event.
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: 'Education' });
  await press(page, page.getByRole('button', { name: 'Show events' }));
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('HSB awareness for safeguarding leads');

  // Edited, then removed with a reason (an event recorded in error).
  await press(page, table.getByRole('link', { name: 'HSB awareness for safeguarding leads' }));
  await expect(
    page.getByRole('heading', { level: 2, name: 'Edit “HSB awareness for safeguarding leads”' }),
  ).toBeFocused();
  await expect(page.getByLabel('Last day (optional)')).toHaveValue('15/10/2025');
  await page.getByLabel('Attendees').fill('26');
  await press(page, page.getByRole('button', { name: 'Save changes' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved “HSB awareness for safeguarding leads”.' }),
  ).toBeVisible();
  await expect(table.getByRole('row', { name: /HSB awareness/ })).toContainText('26');
  await press(page, table.getByRole('link', { name: 'HSB awareness for safeguarding leads' }));
  await press(page, page.getByRole('button', { name: 'Remove event' }));
  const dialog = page.getByRole('dialog', { name: 'Remove this training event?' });
  await press(page, dialog.getByRole('button', { name: 'Remove event' }));
  await expect(dialog.getByText('Say why the event is being removed.')).toBeVisible();
  await typeInto(page, dialog.getByLabel('Why is it being removed?'), 'Recorded twice.');
  await expectNoSeriousViolations(page, 'Remove event dialog');
  await press(page, dialog.getByRole('button', { name: 'Remove event' }));
  await expect(
    page.getByRole('status').filter({ hasText: 'Removed “HSB awareness for safeguarding leads”.' }),
  ).toBeVisible();
  await expect(page.getByText('No training events match this filter.')).toBeVisible();
});
