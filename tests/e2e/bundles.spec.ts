/**
 * Case bundles through the Sharing screens, between two vaults on two browser hosts (two
 * "laptops"): exchange key cards as files, compare fingerprints, send a case, download the
 * bundle, upload it on the other side, see the preview, import, and open the case there.
 * Each Sharing screen is scanned with axe-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { startBrowserHost } from '../host/server';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';

async function sharingScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing' }).click();
  await page.getByRole('navigation', { name: 'Sharing' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

async function saveDownload(download: Download, dir: string): Promise<string> {
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Save my key card file; returns its path and the fingerprint shown. */
async function saveMyCard(page: Page, dir: string): Promise<{ file: string; fingerprint: string }> {
  await sharingScreen(page, 'My key card');
  const shown = page.getByTestId('my-key-card').locator('[data-fingerprint]');
  await expect(shown).toBeVisible();
  const fingerprint = (await shown.getAttribute('data-fingerprint')) ?? '';
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save card file' }).click();
  const file = await saveDownload(await downloading, dir);
  return { file, fingerprint };
}

async function importAndVerify(page: Page, card: string, name: string, fingerprint: string): Promise<void> {
  await sharingScreen(page, 'Colleagues');
  await page.getByLabel('Import a colleague’s key card').setInputFiles(card);
  await expect(page.getByRole('status').filter({ hasText: `${name} was added` })).toBeVisible();
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  // The fingerprint on the imported card is the one the colleague reads out.
  await expect(entry.locator('[data-fingerprint]')).toHaveAttribute('data-fingerprint', fingerprint);
  await expect(entry).toContainText(fingerprint.split('-').join(' '));
  await entry.getByRole('button', { name: `Mark ${name} as verified` }).click();
  await expect(entry.getByText('Verified', { exact: true })).toBeVisible();
}

test('a case travels from one vault to another through the Sharing screens', async ({ app, browser }) => {
  test.skip(app.host === null, 'Two vaults side by side need two browser hosts; the Electron driver runs one app.');
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'ncats-e2e-bundles-'));
  const vaultB = join(work, 'vault-b');
  const hostB = await startBrowserHost({ vaultDir: vaultB });
  const contextB = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  try {
    const a = app.page;
    const b = await contextB.newPage();
    await b.goto(hostB.url);
    await createVaultAndSignIn(a, { name: 'Alice Ahmed', username: 'aahmed' });
    await createVaultAndSignIn(b, { name: 'Bob Barnes', username: 'bbarnes' });

    // Exchange key cards as files, and check each fingerprint as people would read it out.
    const cardA = await saveMyCard(a, work);
    await expectNoSeriousViolations(a, 'my key card');
    const cardB = await saveMyCard(b, work);
    expect(cardA.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    await importAndVerify(b, cardA.file, 'Alice Ahmed', cardA.fingerprint);
    await importAndVerify(a, cardB.file, 'Bob Barnes', cardB.fingerprint);
    await expectNoSeriousViolations(a, 'colleagues');

    // Alice sends a case to Bob.
    const made = await makeCase(a, 'Jamie', 'Example', '2012-03-04');
    await sharingScreen(a, 'Send a case');
    await a.getByLabel('Case reference or name').fill(made.reference);
    await a.getByRole('button', { name: 'Find' }).click();
    await a.getByRole('button', { name: `Choose ${made.reference}` }).click();
    await expect(a.getByRole('group', { name: 'What goes in' })).toBeVisible();
    await a.getByRole('button', { name: 'Create bundle' }).click();
    await expect(a.getByText('Choose at least one colleague, or use a passphrase.')).toBeVisible();
    await expect(a.locator('#sharing-basis-error')).toContainText('Record the basis for sharing.');
    await expectNoSeriousViolations(a, 'send a case with errors');
    await a.getByLabel(/Bob Barnes/).check();
    await a
      .getByLabel('Basis for sharing (Caldicott)')
      .fill('Transfer of care to Bob Barnes for direct care (duty to share).');
    await a.getByRole('button', { name: 'Create bundle' }).click();
    const link = a.getByRole('link', { name: /^Download NC-/ });
    await expect(link).toBeVisible();
    await expectNoSeriousViolations(a, 'bundle created');
    const downloading = a.waitForEvent('download');
    await link.click();
    const bundle = await saveDownload(await downloading, work);
    expect(bundle).toMatch(/\.ncatsbundle$/);

    // Bob receives it: preview first, then import, then open the case.
    await sharingScreen(b, 'Receive a case');
    await expectNoSeriousViolations(b, 'receive a case');
    await b.getByLabel('Bundle file').setInputFiles(bundle);
    await b.getByRole('button', { name: 'Check the bundle' }).click();
    const preview = b.getByTestId('bundle-preview');
    await expect(preview).toBeVisible();
    await expect(preview).toContainText('Alice Ahmed');
    await expect(preview).toContainText('A verified colleague');
    await expect(preview).toContainText(`A new case: ${made.reference}.`);
    await expectNoSeriousViolations(b, 'bundle preview');
    await b.getByRole('button', { name: 'Import the case' }).click();
    await expect(b.getByRole('status').filter({ hasText: `imported as ${made.reference}` })).toBeVisible();
    await expectNoSeriousViolations(b, 'bundle imported');
    await b.getByRole('button', { name: `Open case ${made.reference}` }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await expect(b.getByText(made.reference).first()).toBeVisible();
    await expect(b.getByText('Jamie').first()).toBeVisible();
  } finally {
    await contextB.close();
    await hostB.close();
    rmSync(work, { recursive: true, force: true });
  }
});

test('a passphrase bundle from someone not in the directory needs the passphrase and a fingerprint check', async ({
  app,
  browser,
}) => {
  test.skip(app.host === null, 'Two vaults side by side need two browser hosts; the Electron driver runs one app.');
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'ncats-e2e-bundles-'));
  const hostB = await startBrowserHost({ vaultDir: join(work, 'vault-b') });
  const contextB = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  try {
    const a = app.page;
    const b = await contextB.newPage();
    await b.goto(hostB.url);
    await createVaultAndSignIn(a, { name: 'Alice Ahmed', username: 'aahmed' });
    await createVaultAndSignIn(b, { name: 'Chris Cole', username: 'ccole' });
    const made = await makeCase(a, 'Robin', 'Sample', '2011-07-08');

    await sharingScreen(a, 'Send a case');
    await a.getByLabel('Case reference or name').fill('Sample');
    await a.getByRole('button', { name: 'Find' }).click();
    await a.getByRole('button', { name: `Choose ${made.reference}` }).click();
    await a.getByLabel('A passphrase (for someone without the app)').check();
    const passphrase = ((await a.getByTestId('bundle-passphrase').textContent()) ?? '').trim();
    expect(passphrase).toMatch(/^([a-z2-7]{5}-){4}[a-z2-7]{5}$/);
    await expectNoSeriousViolations(a, 'send with a passphrase');
    await a.getByLabel('Basis for sharing (Caldicott)').fill('Second opinion from an independent clinician.');
    await a.getByRole('button', { name: 'Create bundle' }).click();
    const link = a.getByRole('link', { name: /^Download NC-/ });
    await expect(a.getByText(passphrase)).toBeVisible();
    const downloading = a.waitForEvent('download');
    await link.click();
    const bundle = await saveDownload(await downloading, work);

    await sharingScreen(b, 'Receive a case');
    await b.getByLabel('Bundle file').setInputFiles(bundle);
    await b.getByRole('button', { name: 'Check the bundle' }).click();
    await expect(b.getByLabel('Passphrase')).toBeVisible();
    await expectNoSeriousViolations(b, 'bundle passphrase');
    await b.getByLabel('Passphrase').fill(passphrase);
    await b.getByRole('button', { name: 'Open the bundle' }).click();
    const preview = b.getByTestId('bundle-preview');
    await expect(preview).toContainText('NOT one of your colleagues', { timeout: 60_000 });
    await expect(preview).toContainText('Robin Sample, born 08/07/2011');
    const senderCard = await saveMyCard(a, work);
    await expect(preview.locator('[data-fingerprint]')).toHaveAttribute('data-fingerprint', senderCard.fingerprint);
    await b.getByRole('button', { name: 'Import the case' }).click();
    await expect(b.getByRole('alert')).toContainText('tick the box');
    await expectNoSeriousViolations(b, 'unknown sender not confirmed');
    await b.getByLabel('I have checked this fingerprint with the sender').check();
    await b.getByRole('button', { name: 'Import the case' }).click();
    await expect(b.getByRole('status').filter({ hasText: `imported as ${made.reference}` })).toBeVisible();
  } finally {
    await contextB.close();
    await hostB.close();
    rmSync(work, { recursive: true, force: true });
  }
});
