import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';

/*
 * The assessment report on the Assessment tab, from the keyboard: sign-off refused with the
 * reason while a recommendation group is empty, then signed; the preview in the app's viewer and
 * the PDF and Word downloads; an addendum once signed. Axe scans it; screenshots at 1280x800
 * and 320 px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

async function press(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

async function openTab(page: Page, reference: string): Promise<void> {
  await press(page.getByRole('link', { name: 'My tasks' }));
  await press(page.getByRole('link', { name: 'Caseload' }));
  await press(page.getByRole('link', { name: reference }));
  await press(page.getByRole('tab', { name: /^Assessment/ }));
}

test('the assessment report: refused, signed off, previewed, downloaded and added to', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const users = await api<{ id: string }[]>(page, 'user:list', {});
  const made = await makeCase(page, 'Jamie', 'Report', '2011-04-02', { leadWorkerId: users[0]?.id ?? null });
  const detail = await api<{ version: number }>(page, 'case:get', { caseId: made.id });
  await api(page, 'case:setStatus', {
    caseId: made.id,
    expectedVersion: detail.version,
    status: 'accepted',
    reason: null,
    closingSummary: null,
  });
  const opened = await api<{ id: string; version: number }>(page, 'assessment:open', { caseId: made.id });
  await api(page, 'assessment:update', {
    assessmentId: opened.id,
    expectedVersion: opened.version,
    patch: { formulation: 'Making sense of it.', riskToOthers: 'medium', riskToSelf: 'low', riskFromOthers: 'low' },
  });
  for (const group of ['case_management', 'safety_planning', 'placement']) {
    await api(page, 'assessment:addRecommendation', {
      assessmentId: opened.id,
      recommendation: { group, text: `Recommend ${group}`, owner: 'Social worker', timescale: '4 weeks' },
    });
  }

  await openTab(page, made.reference);
  await expect(page.getByRole('heading', { level: 4, name: 'Assessment report' })).toBeVisible();
  await expect(page.getByText('Draft: not signed off.')).toBeVisible();
  await press(page.getByRole('button', { name: 'Sign off the report' }));
  await expect(page.getByRole('alert').filter({ hasText: 'Add at least one treatment recommendation.' })).toBeVisible();

  await api(page, 'assessment:addRecommendation', {
    assessmentId: opened.id,
    recommendation: { group: 'treatment', text: 'Weekly sessions', owner: 'NCATS', timescale: '6 months' },
  });
  // The core checks what is stored, so the tab need not be reloaded for the fourth group.
  await press(page.getByRole('button', { name: 'Sign off the report' }));
  await expect(page.getByRole('status').filter({ hasText: 'Report signed off (version 1).' })).toBeVisible();
  await expect(page.getByText(/Signed off, version 1, by /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign off the report' })).toHaveCount(0);
  // Signed, the content is locked: no more recommendations from the tab.
  await expect(page.getByRole('button', { name: 'Add recommendation' })).toHaveCount(0);
  // Risks, needs and the formulation are shown as text with the sign-off note, not as forms.
  await expect(page.getByRole('button', { name: 'Save risks and needs' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save formulation' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Level' })).toHaveCount(0);
  const risks = page.getByRole('region', { name: 'Risks and needs' });
  await expect(risks).toContainText(
    /Signed off by .+ on \d{2}\/\d{2}\/\d{4}\. What was signed can no longer be changed/,
  );
  await expect(risks.getByLabel('Risks')).toContainText('Risk of harm to othersMedium');
  await expect(page.getByRole('region', { name: 'Formulation' })).toContainText('Making sense of it.');
  await risks.getByRole('heading', { level: 4 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-signed.png`, fullPage: false });
  await press(risks.getByRole('button', { name: 'Add an addendum' }));
  await expect(page.getByRole('textbox', { name: 'Addendum' })).toBeFocused();

  const pdf = page.getByRole('link', { name: 'Download assessment report (PDF)' });
  await expect(pdf).toHaveAttribute('href', new RegExp(`reports/${made.id}/assessment\\.pdf`));
  await expect(page.getByRole('link', { name: 'Download assessment report (Word)' })).toHaveAttribute(
    'href',
    new RegExp(`reports/${made.id}/assessment\\.docx`),
  );
  const download = page.waitForEvent('download');
  await press(pdf);
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${made.reference} assessment .*\\.pdf$`));

  await press(page.getByRole('button', { name: 'Preview the assessment report' }));
  await expect(page.locator('iframe[title="PDF: assessment report"]')).toBeVisible();

  await page.getByRole('textbox', { name: 'Addendum' }).fill('The second interview was by video call.');
  await press(page.getByRole('button', { name: 'Add addendum' }));
  await expect(page.getByRole('status').filter({ hasText: 'Addendum added.' })).toBeVisible();
  await expect(page.getByText('1 addendum added since.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign off again with the addenda' })).toBeVisible();

  await expectNoSeriousViolations(page, 'assessment report');
  await page.getByRole('heading', { level: 4, name: 'Assessment report' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-report.png`, fullPage: false });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByRole('heading', { level: 4, name: 'Assessment report' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-report-320.png`, fullPage: false });
  await page.getByRole('heading', { level: 4, name: 'Risks and needs' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/assessment-signed-320.png`, fullPage: false });
});
