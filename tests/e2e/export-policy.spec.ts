/**
 * A laptop whose policy forbids document export (`documentExportAllowed: false`), in the browser
 * host with a policy file (NCATS_POLICY_FILE, the `policyFileText` option): the Chronology tab
 * offers no report or subject access download but the note in their place (the subject access
 * preview stays); the Documents tab offers no Download, one note above the table, and a file the
 * viewer cannot show gets the note instead of its download button. The core refuses the
 * addresses the buttons would have used, so the screen and the core agree. Settings shows the
 * backup schedule beside the backup policy (none, in a host started without a backup folder). axe on each; screenshots at 1280x800 and 320 px.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, makeCase } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await expectNoSeriousViolations(page, name);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSeriousViolations(page, `${name} at 320 px`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways, `${name} scrolls sideways at 320 px`).toBe(false);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The HTTP status the core gives a GET of `path` (the page's own origin and token). */
async function statusOf(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => {
    const token = (window as unknown as { api: { transportToken: string } }).api.transportToken;
    const res = await fetch(`${p}${p.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`);
    return res.status;
  }, path);
}

test.describe('a laptop whose policy forbids document export', () => {
  test.use({ policyFileText: JSON.stringify({ documentExportAllowed: false }) });

  test('offers no download of case content, says why instead, and the core agrees', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await createVaultAndSignIn(page);
    const made = await makeCase(page, 'Riley', 'Morgan', '2011-09-23');
    // Leave and come back, so the caseload asks the core again and lists the case.
    await goToArea(page, 'Sharing');
    await goToArea(page, 'Cases');
    await page.getByRole('link', { name: made.reference }).first().click();

    // Chronology: the report and the subject access copies.
    await page.getByRole('tab', { name: /^Chronology/ }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Chronology' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Download/ })).toHaveCount(0);
    const notes = page.getByRole('note');
    await expect(notes).toHaveCount(2);
    await expect(notes.first()).toContainText('Saving as a file is turned off on this laptop.');
    await expect(notes.first()).toContainText('does not allow the chronology to be saved outside the app');
    await expect(notes.nth(1)).toContainText('does not allow subject access copies to be saved');
    await expect(notes.first()).toContainText('ask your IT service desk');
    // Reading in the app is still allowed: the subject access preview is offered.
    await expect(page.getByRole('button', { name: 'Preview the requester’s copy' })).toBeVisible();
    // The note is text, not a stop on the way: Tab from the preview button does not land on it.
    await page.getByRole('button', { name: 'Preview the requester’s copy' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="note"]') ?? null)).toBeNull();
    await shoot(page, 'export-forbidden-chronology');
    expect(await statusOf(page, `reports/${made.id}/chronology.pdf`)).toBe(403);

    // Documents: one viewable (PDF), one the viewer cannot show (a spreadsheet).
    await page.getByRole('tab', { name: /^Documents/ }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Documents' })).toBeVisible();
    for (const file of [
      { name: 'Referral form.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
      { name: 'School attendance.csv', mimeType: 'text/csv', buffer: Buffer.from('week,attended\n1,5\n') },
    ]) {
      await page.getByLabel('File', { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: 'Attach document' }).click();
      await expect(page.getByRole('row', { name: new RegExp(file.name.replace(/\..*$/, '')) })).toBeVisible();
    }
    await expect(page.getByRole('button', { name: /^Download/ })).toHaveCount(0);
    await expect(page.getByRole('note')).toHaveCount(1);
    await expect(page.getByRole('note')).toContainText('does not allow this case’s documents to be saved');
    await page.getByRole('button', { name: 'View School attendance' }).click();
    const viewer = page.getByTestId('document-viewer');
    await expect(viewer).toContainText('cannot be shown inside the app');
    await expect(viewer.getByRole('note')).toContainText('does not allow documents to be saved');
    await expect(page.getByRole('button', { name: /Download/ })).toHaveCount(0);
    await shoot(page, 'export-forbidden-documents');
    const docs = await api<{ id: string }[]>(page, 'document:list', { caseId: made.id });
    const first = docs[0]?.id ?? '';
    expect(await statusOf(page, `documents/${first}?disposition=attachment`)).toBe(403);
    // Viewing inside the app stays allowed.
    expect(await statusOf(page, `documents/${first}`)).toBe(200);

    // Settings: the rule and the backup settings in force, the schedule among them.
    await goToArea(page, 'Settings');
    const policy = page.getByRole('region', { name: 'Policy set by your trust’s IT' });
    const row = (label: string) => policy.locator('div').filter({ has: page.getByText(label, { exact: true }) });
    await expect(row('Saving documents and reports')).toContainText('Set by your trust’s IT.');
    // This host runs no schedule (no NCATS_BACKUP_FOLDER): the administrator is told so, in both rows.
    await expect(row('Backup folder')).toContainText('None: this copy of the app takes no scheduled backups.');
    await expect(row('Backup schedule')).toContainText('None in this copy of the app');
    await expect(row('Backup schedule')).toContainText('The app’s own rule');
    await shoot(page, 'export-forbidden-settings');
  });
});
