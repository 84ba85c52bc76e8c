/**
 * The printable chronology from the Chronology tab: both download buttons, the saved PDF read
 * back with pdftotext (marking, reference and "Page N of M" on every page, UK dates, the
 * events, the third-party marker, upcoming tasks apart), the Word file unzipped, the export in
 * the case's audit trail, and axe-core on the tab at 1280x800 and at 320 CSS px wide.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';
const POPPLER = existsSync('/usr/bin/pdftotext');

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

async function openChronology(page: Page, reference: string): Promise<void> {
  // Leave and come back, so the caseload asks the core again and lists the case made through the API.
  // Each step waits for its heading, so the second click cannot land before the first.
  await goToArea(page, 'Sharing');
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: reference }).first().click();
  await page.getByRole('tab', { name: /^Chronology/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Chronology' })).toBeVisible();
}

test('download the chronology as PDF and Word from the Chronology tab', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const work = mkdtempSync(join(tmpdir(), 'ncats-e2e-report-'));
  try {
    await createVaultAndSignIn(page);
    const status = await api<{ user: { id: string } | null }>(page, 'vault:status', {});
    const me = status.user?.id ?? '';
    const made = await makeCase(page, 'Riley', 'Morgan', '2011-09-23', { leadWorkerId: me });
    await api(page, 'note:create', {
      caseId: made.id,
      note: {
        occurredAt: `${isoDaysFromToday(-2)}T10:15:00.000Z`,
        type: 'phone_call',
        text: 'Called the school about the timetable for sessions.',
      },
    });
    await api(page, 'note:create', {
      caseId: made.id,
      note: {
        occurredAt: `${isoDaysFromToday(-1)}T11:00:00.000Z`,
        type: 'case_note',
        text: 'The younger brother said what he saw at home.',
        thirdPartySensitive: true,
      },
    });
    const due = isoDaysFromToday(14);
    await api(page, 'task:create', {
      caseId: made.id,
      task: { title: 'Review the safety plan', ownerId: me, dueDate: due },
    });

    await openChronology(page, made.reference);
    const pdfButton = page.getByRole('link', { name: 'Download chronology (PDF)' });
    const wordButton = page.getByRole('link', { name: 'Download chronology (Word)' });
    await expect(pdfButton).toBeVisible();
    await expect(wordButton).toBeVisible();
    await expectNoSeriousViolations(page, 'Chronology');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${ARTIFACTS}/reports-chronology-tab.png`, fullPage: false });

    // From the keyboard: the PDF link takes focus and Enter starts the download.
    await pdfButton.focus();
    const pdfDownload = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(new RegExp(`^${made.reference} chronology \\d{2}-\\d{2}-\\d{4}\\.pdf$`));
    const pdfPath = join(work, pdf.suggestedFilename());
    await pdf.saveAs(pdfPath);
    if (POPPLER) {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      pages.forEach((p, i) => {
        expect(p.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
        expect(p).toContain(`Case ${made.reference}`);
        expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      });
      expect(text).toContain('Riley Morgan');
      expect(text).toMatch(/Date of birth\s+23\/09\/2011/);
      expect(text).toContain('Produced by Sam Patel');
      expect(text).toContain('Phone call: Called the school about the timetable for sessions.');
      expect(text).toContain('THIRD-PARTY INFORMATION');
      const upcoming = text.slice(text.indexOf('Upcoming'));
      expect(upcoming).toMatch(new RegExp(`${ukDate(due)}\\s+Review the safety plan`));
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        pdfPath,
        `${ARTIFACTS}/reports-chronology-pdf`,
      ]);
    }

    const wordDownload = page.waitForEvent('download');
    await wordButton.click();
    const word = await wordDownload;
    expect(word.suggestedFilename()).toMatch(/ chronology \d{2}-\d{2}-\d{4}\.docx$/);
    const wordPath = join(work, word.suggestedFilename());
    await word.saveAs(wordPath);
    const documentXml = execFileSync('unzip', ['-p', wordPath, 'word/document.xml'], { encoding: 'utf8' });
    expect(documentXml).toContain('Called the school about the timetable for sessions.');
    expect(execFileSync('unzip', ['-p', wordPath, 'word/header1.xml'], { encoding: 'utf8' })).toContain(
      'OFFICIAL-SENSITIVE',
    );

    // Both exports are in the case's audit trail.
    const log = await api<{ items: { action: string }[] }>(page, 'case:accessLog', {
      caseId: made.id,
      limit: 50,
      offset: 0,
    });
    expect(log.items.filter((e) => e.action === 'report.export')).toHaveLength(2);

    // At 320 CSS px (200 % zoom of a 640 px window) the buttons wrap inside the page.
    await page.setViewportSize({ width: 320, height: 800 });
    await expect(pdfButton).toBeVisible();
    const box = await pdfButton.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
    await expectNoSeriousViolations(page, 'Chronology at 320 px');
    await pdfButton.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/reports-chronology-tab-320.png`, fullPage: false });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
