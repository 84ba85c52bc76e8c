/**
 * The subject access request from the Chronology tab: the requester's copy previewed in the app
 * (the frame's PDF read back with pdftotext: the redaction blocks are there, the victim's name
 * and the flagged note are not), a carer's copy chosen from the keyboard, the reviewer's copy
 * downloaded with its redaction log, axe-core on the tab, and a screenshot.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';
const POPPLER = existsSync('/usr/bin/pdftotext');

function pdfText(bytes: Buffer, dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The bytes the preview frame shows, fetched from the same address (the core audits it again). */
async function frameBytes(page: Page): Promise<Buffer> {
  const src = (await page.locator('[data-testid="sar-preview"] iframe').getAttribute('src')) ?? '';
  const base64 = await page.evaluate(async (url) => {
    const r = await fetch(url.replace(/#.*$/, ''));
    const bytes = new Uint8Array(await r.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, src);
  return Buffer.from(base64, 'base64');
}

test('a subject access request: previewed redacted, for a carer, and the reviewer’s copy', async ({ app }) => {
  test.setTimeout(150_000);
  const { page } = app;
  const work = mkdtempSync(join(tmpdir(), 'ncats-e2e-sar-'));
  try {
    await createVaultAndSignIn(page);
    const made = await makeCase(page, 'Riley', 'Morgan', '2011-09-23');
    await api(page, 'person:add', {
      caseId: made.id,
      person: { kind: 'parent_carer', name: 'Robin Morgan', relationship: 'Mother', parentalResponsibility: true },
    });
    await api(page, 'person:add', {
      caseId: made.id,
      person: { kind: 'sibling', name: 'Ellie Morgan', relationship: 'Sister' },
    });
    const note = (text: string, days: number, thirdPartySensitive = false) =>
      api(page, 'note:create', {
        caseId: made.id,
        note: { occurredAt: `${isoDaysFromToday(days)}T10:00:00.000Z`, type: 'case_note', text, thirdPartySensitive },
      });
    await note('RILEY-OWN-NOTE: Riley talked about the football team.', -3);
    await note('Riley wrote a card to Ellie’s teacher.', -2);
    await note('WITHHELD-ACCOUNT of what happened at home.', -1, true);

    await page.getByRole('link', { name: 'Sharing', exact: true }).click();
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: made.reference }).first().click();
    await page.getByRole('tab', { name: /^Chronology/ }).click();
    await expect(page.getByRole('heading', { level: 4, name: 'Subject access request' })).toBeVisible();

    // From the keyboard: the preview button takes focus and Enter shows the requester's copy.
    const preview = page.getByRole('button', { name: 'Preview the requester’s copy' });
    await preview.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Hide the requester’s copy' })).toBeFocused();
    await expect(page.locator('iframe[title="PDF: subject access request, requester’s copy"]')).toBeVisible();
    await expectNoSeriousViolations(page, 'Chronology with the subject access request');
    await page.mouse.move(0, 0);
    await page.getByRole('heading', { level: 4, name: 'Subject access request' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/subject-access-tab.png`, fullPage: false });
    if (POPPLER) {
      const text = pdfText(await frameBytes(page), work, 'preview.pdf');
      expect(text).toContain('RILEY-OWN-NOTE');
      expect(text).toContain('Riley wrote a card to [name redacted] teacher.');
      expect(text).toMatch(/Redacted: third-party information, item \d+/);
      expect(text).not.toContain('Ellie');
      expect(text).not.toContain('WITHHELD-ACCOUNT');
    }

    // The carer's copy, chosen with the keyboard.
    const whose = page.getByLabel('Whose records');
    await whose.focus();
    await whose.selectOption({ label: 'Robin Morgan (Mother)' });
    await expect(page.locator('iframe[title="PDF: subject access request, requester’s copy"]')).toBeVisible();
    if (POPPLER) {
      const text = pdfText(await frameBytes(page), work, 'carer.pdf');
      expect(text).toContain('Robin Morgan (Mother)');
      expect(text).not.toContain('RILEY-OWN-NOTE');
    }

    // The reviewer's copy of the young person's records, downloaded with Enter.
    await whose.selectOption({ label: 'The young person' });
    await page.getByLabel('Reviewer’s copy, with the redaction log').check();
    const link = page.getByRole('link', { name: 'Download the reviewer’s copy (PDF)' });
    await link.focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^${made.reference} subject-access reviewer copy \\d{2}-\\d{2}-\\d{4}\\.pdf$`),
    );
    const path = join(work, 'reviewer.pdf');
    await file.saveAs(path);
    if (POPPLER) {
      const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Redaction log (reviewer only');
      expect(text).toContain('WITHHELD-ACCOUNT');
      expect(text).toContain('Name match: Ellie Morgan');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        path,
        `${ARTIFACTS}/subject-access-reviewer-pdf`,
      ]);
    }

    // Each copy is in the case's audit trail under its own name: preview (shown and fetched
    // again here), the carer's (the same twice), and the reviewer's download.
    const log = await api<{ items: { action: string }[] }>(page, 'case:accessLog', {
      caseId: made.id,
      limit: 50,
      offset: 0,
    });
    expect(log.items.filter((e) => e.action === 'report.subject_access').length).toBeGreaterThanOrEqual(3);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
