/**
 * Consultations in the browser host, from the keyboard: a consultation recorded on the case's
 * Consultation tab, signed off (then locked), corrected by an addendum, its report previewed and
 * saved as PDF and Word and read back; the Consultations area listing it, and an ongoing
 * agreement added with a session; then an older consultation's own report previewed (each
 * consultation prints itself, not the latest). axe-core on each screen at 1280x800 and at 320 CSS px.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';

const ARTIFACTS = 'tests/e2e/artifacts';
const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Focus a control and type into it, as a keyboard user would. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.type(text);
}

/** Focus a radio button or checkbox and press Space. */
async function tick(page: Page, control: Locator): Promise<void> {
  await control.focus();
  await page.keyboard.press('Space');
}

/** Focus a button (or link) and press Enter. */
async function press(page: Page, control: Locator): Promise<void> {
  await control.focus();
  await page.keyboard.press('Enter');
}

test('a consultation recorded, signed off and its report generated, from the keyboard', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  const work = mkdtempSync(join(tmpdir(), 'ncats-e2e-consultation-'));
  try {
    await createVaultAndSignIn(page);
    const made = await makeCase(page, 'Jordan', 'Ellis', '2011-04-02');
    await api(page, 'person:add', {
      caseId: made.id,
      person: { kind: 'professional', name: 'Priya Shah', role: 'social_worker', agency: 'Leeds Children’s Services' },
    });
    await api(page, 'person:add', {
      caseId: made.id,
      person: { kind: 'sibling', name: 'Casey Ellis', relationship: 'Younger sister' },
    });

    // Leave and come back, so the caseload lists the case made through the API.
    await goToArea(page, 'Sharing');
    await goToArea(page, 'Cases');
    await page.getByRole('link', { name: made.reference }).first().click();
    await press(page, page.getByRole('tab', { name: /^Consultation/ }));
    await expect(page.getByRole('heading', { level: 3, name: 'Consultation' })).toBeVisible();
    await expect(page.getByTestId('consultation-statement')).toContainText('not an assessment of risk or needs');
    await expect(page.getByText('No consultation has been recorded for this case.')).toBeVisible();

    // An empty form says what is missing, in words, and focuses the first problem.
    await press(page, page.getByRole('button', { name: 'Record a consultation' }));
    const form = page.getByTestId('consultation-form');
    await expect(form.getByLabel('Date of the professionals’ meeting')).toBeFocused();
    await press(page, form.getByRole('button', { name: 'Record consultation' }));
    await expect(form.getByText('Enter the date of the meeting.')).toBeVisible();
    await expect(form.getByText('Say whether a police investigation is active.')).toBeVisible();
    await expect(form.getByLabel('Date of the professionals’ meeting')).toBeFocused();

    const meeting = isoDaysFromToday(-3);
    await typeInto(page, form.getByLabel('Date of the professionals’ meeting'), ukDate(meeting));
    await tick(page, form.getByRole('radio', { name: 'Virtual' }));
    // Only the professional network is offered as attendees, never the sibling.
    await expect(form.getByRole('checkbox', { name: /Casey Ellis/ })).toHaveCount(0);
    await tick(page, form.getByRole('checkbox', { name: /Priya Shah/ }));
    await tick(page, form.getByRole('radio', { name: 'Yes' }));
    await typeInto(page, form.getByLabel('Reason for the consultation'), 'Advice on contact with younger children.');
    await typeInto(page, form.getByLabel('The network’s questions'), 'Can he stay at home during the investigation?');
    await typeInto(
      page,
      form.getByLabel('Discussion'),
      'We read the strategy minutes together and discussed supervision.',
    );
    await typeInto(page, form.getByLabel('Recommendations on case management'), 'Keep the home supervision plan.');
    await tick(page, form.getByRole('radio', { name: 'Suitable later' }));
    await press(page, form.getByRole('button', { name: 'Record consultation' }));
    await expect(form.getByText('Say why the young person would be suitable later, and when.')).toBeVisible();
    await typeInto(page, form.getByLabel('Why later, and when'), 'Once the police investigation has ended.');
    await press(page, form.getByRole('button', { name: 'Record consultation' }));

    const record = page.getByTestId('consultation');
    await expect(record).toHaveCount(1);
    await expect(record).toContainText('Draft: not signed off');
    await expect(record).toContainText('Priya Shah, Leeds Children’s Services');
    await expectNoSeriousViolations(page, 'Consultation tab');

    // Sign off: asks first, then locks the record (no Edit) and offers an addendum.
    await press(page, record.getByRole('button', { name: 'Sign off the report' }));
    await expect(record.getByRole('button', { name: 'Yes, sign off' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Report signed off (version 1)' })).toBeVisible();
    await expect(record).toContainText('Signed off, version 1');
    await expect(record.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
    await press(page, record.getByRole('button', { name: 'Add an addendum' }));
    await typeInto(
      page,
      record.getByRole('textbox', { name: 'Addendum' }),
      'The school nurse joined for the second half.',
    );
    await press(page, record.getByRole('button', { name: 'Add addendum' }));
    await expect(record).toContainText('The school nurse joined for the second half.');
    await expect(record.getByRole('button', { name: 'Sign off again with the addenda' })).toBeVisible();

    // The core refuses an edit of the signed record, whatever the screen offers.
    const list = await api<{ id: string; version: number }[]>(page, 'consultation:list', { caseId: made.id });
    const refused = await page.evaluate(
      async ([id, version]) => {
        const bridge = (window as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api;
        return bridge['consultation:update']?.({
          consultationId: id,
          expectedVersion: version,
          consultation: {
            meetingDate: '2026-01-20',
            meetingMode: 'virtual',
            policeInvestigation: 'no',
            reason: 'x',
            networkQuestions: 'x',
            discussion: 'x',
            recommendations: 'x',
            suitability: 'assessment_now',
          },
        });
      },
      [list[0]?.id, list[0]?.version] as const,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('can no longer be changed') },
    });

    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${ARTIFACTS}/consultation-tab.png`, fullPage: true });

    // Preview inside the app: the preview route answers with the PDF, inline.
    const previewResponse = page.waitForResponse((r) => r.url().includes('report-preview/'));
    await press(page, page.getByRole('button', { name: 'Preview the consultation report' }));
    const preview = await previewResponse;
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-disposition']).toMatch(/^inline/);
    await expect(page.getByTitle('PDF: consultation report')).toBeVisible();

    // Saved as PDF from the keyboard, and read back.
    const pdfLink = page.getByRole('link', { name: `Download consultation report of ${ukDate(meeting)} (PDF)` });
    const pdfDownload = page.waitForEvent('download');
    await press(page, pdfLink);
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(
      new RegExp(`^${made.reference} consultation on \\d{2}-\\d{2}-\\d{4} exported \\d{2}-\\d{2}-\\d{4}\\.pdf$`),
    );
    const pdfPath = join(work, pdf.suggestedFilename());
    await pdf.saveAs(pdfPath);
    if (POPPLER) {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      pages.forEach((p, i) => {
        expect(p).toContain('OFFICIAL-SENSITIVE');
        expect(p).toContain(made.reference);
        expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      });
      const flat = text.replace(/\s+/g, ' ');
      for (const heading of [
        'Reason for the consultation',
        'Who attended',
        'Documents read',
        'Discussion',
        'Authors and sign-off',
      ]) {
        expect(flat).toContain(heading);
      }
      expect(flat).toContain(ukDate(meeting));
      expect(flat).toContain('Suitable later');
      expect(flat).toContain('The school nurse joined for the second half.');
      expect(flat).toContain('not an assessment of risk or needs');
      expect(flat).not.toContain('Casey Ellis');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        pdfPath,
        `${ARTIFACTS}/consultation-report-pdf`,
      ]);
    }
    const wordDownload = page.waitForEvent('download');
    await press(page, page.getByRole('link', { name: `Download consultation report of ${ukDate(meeting)} (Word)` }));
    const word = await wordDownload;
    const wordPath = join(work, word.suggestedFilename());
    await word.saveAs(wordPath);
    const documentXml = execFileSync('unzip', ['-p', wordPath, 'word/document.xml'], { encoding: 'utf8' });
    expect(documentXml).toContain('Keep the home supervision plan.');

    const log = await api<{ items: { action: string }[] }>(page, 'case:accessLog', {
      caseId: made.id,
      limit: 100,
      offset: 0,
    });
    const actions = log.items.map((e) => e.action);
    expect(actions.filter((a) => a === 'report.export')).toHaveLength(3);
    expect(actions).toContain('report.sign');

    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoSeriousViolations(page, 'Consultation tab at 320 px');
    await record.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/consultation-tab-320.png`, fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The Consultations area lists it, and takes an ongoing agreement with a session.
    await goToArea(page, 'Consultations');
    const table = page.getByTestId('consultations-table');
    await expect(table.getByRole('row', { name: new RegExp(made.reference) })).toContainText('Suitable later');
    await expect(table.getByRole('row', { name: new RegExp(made.reference) })).toContainText('Signed off');
    await press(page, page.getByRole('button', { name: 'Add an agreement' }));
    await typeInto(page, page.getByLabel('Organisation'), 'Leeds Youth Justice Service');
    await typeInto(page, page.getByLabel('How often'), 'Monthly');
    await typeInto(page, page.getByLabel('Start date'), ukDate(isoDaysFromToday(-60)));
    await press(page, page.getByRole('button', { name: 'Add agreement' }));
    await expect(
      page.getByRole('status').filter({ hasText: 'Agreement with Leeds Youth Justice Service added.' }),
    ).toBeVisible();
    const detail = page.getByTestId('agreement-detail');
    await press(page, detail.getByRole('button', { name: 'Record a session' }));
    const next = isoDaysFromToday(10);
    await typeInto(page, page.getByLabel('Date of the session'), ukDate(next));
    await press(page, page.getByRole('button', { name: 'Add a case discussed' }));
    await typeInto(page, page.getByLabel('Case reference'), made.reference);
    await typeInto(page, page.getByLabel('What was discussed'), 'Planned: review of supervision.');
    await press(page, page.getByRole('button', { name: 'Record session' }));
    await expect(detail).toContainText(`Session on ${ukDate(next)}`);
    await expect(page.getByTestId('agreements-table')).toContainText(ukDate(next));
    await expectNoSeriousViolations(page, 'Consultations area');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${ARTIFACTS}/consultations-area.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoSeriousViolations(page, 'Consultations area at 320 px');
    await page.screenshot({ path: `${ARTIFACTS}/consultations-area-320.png`, fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });

    // An older consultation (recorded elsewhere and come in, say): its own report, not the latest.
    const earlier = isoDaysFromToday(-45);
    const older = await api<{ id: string }>(page, 'consultation:create', {
      caseId: made.id,
      consultation: {
        meetingDate: earlier,
        meetingMode: 'in_person',
        policeInvestigation: 'no',
        reason: 'An earlier question about school.',
        networkQuestions: 'Can he return to his class?',
        discussion: 'The earlier meeting talked only about the school timetable.',
        recommendations: 'A staggered return to class.',
        suitability: 'assessment_now',
      },
    });
    // Cases still shows the case: back to the caseload and open it again, to see the new one.
    await goToArea(page, 'Cases');
    await press(page, page.getByRole('button', { name: /Back to the caseload/ }));
    await page.getByRole('link', { name: made.reference }).first().click();
    await press(page, page.getByRole('tab', { name: /^Consultation/ }));
    await expect(page.getByTestId('consultation')).toHaveCount(2);
    const olderRecord = page.getByTestId('consultation').filter({ hasText: `Consultation on ${ukDate(earlier)}` });
    const olderPreview = page.waitForResponse((r) => r.url().includes('report-preview/'));
    await press(
      page,
      olderRecord.getByRole('button', { name: `Preview the consultation report of ${ukDate(earlier)}` }),
    );
    const olderResponse = await olderPreview;
    expect(olderResponse.status()).toBe(200);
    expect(new URL(olderResponse.url()).searchParams.get('record')).toBe(older.id);
    await expect(olderRecord.getByTitle(`PDF: consultation report of ${ukDate(earlier)}`)).toBeVisible();
    // The viewer frame shows Chromium's PDF viewer, so the older report is read back from its
    // own download link (the same record in its address).
    const olderLink = olderRecord.getByRole('link', {
      name: `Download consultation report of ${ukDate(earlier)} (PDF)`,
    });
    await expect(olderLink).toHaveAttribute('href', new RegExp(`record=${older.id}`));
    const olderDownload = page.waitForEvent('download');
    await press(page, olderLink);
    const olderPdf = join(work, 'older.pdf');
    await (await olderDownload).saveAs(olderPdf);
    if (POPPLER) {
      const text = execFileSync('pdftotext', ['-layout', olderPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(ukDate(earlier));
      expect(text).toContain('The earlier meeting talked only about the school timetable.');
      expect(text).not.toContain(ukDate(meeting));
      expect(text).not.toContain('The school nurse joined for the second half.');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        olderPdf,
        `${ARTIFACTS}/consultation-report-older`,
      ]);
    }
    await expectNoSeriousViolations(page, 'Consultation tab with two consultations');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${ARTIFACTS}/consultation-tab-two.png`, fullPage: true });
    const afterOlder = await api<{ items: { action: string }[] }>(page, 'case:accessLog', {
      caseId: made.id,
      limit: 100,
      offset: 0,
    });
    // The earlier three, the older one's preview and its download.
    expect(afterOlder.items.filter((e) => e.action === 'report.export')).toHaveLength(5);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
