import { test, expect } from './fixtures';
import { api, createVaultAndSignIn, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';

test('note search finds a note, highlights the words and opens the case', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  const priya = await makeCase(page, 'Priya', 'Shah', '2010-07-09');
  const note = (caseId: string, text: string) =>
    api(page, 'note:create', {
      caseId,
      note: { occurredAt: '2026-02-03T10:30:00Z', type: 'meeting', text },
    });
  await note(jamie.id, 'Professionals meeting: the school reported [redacted] worries about playground behaviour.');
  await note(jamie.id, 'Phone call with the social worker about the playground incident.');
  await note(priya.id, 'Safety plan agreed with the foster carers <b>not bold</b>.');

  const search = page.getByRole('searchbox', { name: 'Search notes' });
  await search.fill('playground');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Notes matching “playground”' });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Found in 1 case' })).toBeVisible();
  const results = page.getByRole('listitem').filter({ hasText: jamie.reference });
  await expect(results).toContainText('Jamie Hughes');
  await expect(results).toContainText('2 matching notes');
  await expect(results.locator('mark')).toHaveText(['playground']);
  await expectNoSeriousViolations(page, 'note search results');

  // Brackets typed in a note are shown as typed, not taken for the core's match markers.
  await search.fill('worries');
  await page.keyboard.press('Enter');
  const worries = page.getByRole('listitem').filter({ hasText: jamie.reference });
  await expect(worries).toContainText('reported [redacted] worries');
  await expect(worries.locator('mark')).toHaveText(['worries']);
  await search.fill('redacted');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: jamie.reference })).toContainText('[redacted]');
  await expect(page.getByRole('listitem').locator('mark')).toHaveText(['redacted']);

  // Markup typed in a note is text, never HTML.
  await search.fill('safety plan');
  await page.keyboard.press('Enter');
  const priyaHit = page.getByRole('listitem').filter({ hasText: priya.reference });
  await expect(priyaHit).toContainText('<b>not bold</b>');
  await expect(priyaHit.locator('b')).toHaveCount(0);
  await expect(priyaHit.locator('mark')).toHaveText(['Safety', 'plan']);

  await search.fill('xylophone');
  await page.keyboard.press('Enter');
  await expect(page.getByText('No notes match.')).toBeVisible();

  await search.fill('playground');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: new RegExp(jamie.reference) }).click();
  await expect(page.getByTestId('case-page')).toContainText('Jamie Hughes');
  // Back returns to the search results.
  await page.getByRole('button', { name: 'Back to the search results' }).click();
  await expect(heading).toBeVisible();
});

test('my tasks lists overdue tasks and tasks due within 7 days, linked to their cases', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const [me] = await api<{ id: string }[]>(page, 'users:directory', {});
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  const task = (title: string, days: number) =>
    api(page, 'task:create', { caseId: jamie.id, task: { title, ownerId: me?.id, dueDate: isoDaysFromToday(days) } });
  await task('Request the school report', -3);
  await task('Book the professionals meeting', 2);
  await task('Review the safety plan', 30);

  await page.getByRole('link', { name: 'My tasks' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'My tasks' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Overdue (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Due within 7 days (1)' })).toBeVisible();
  const overdue = page.getByRole('table', { name: 'Your tasks: overdue' });
  await expect(overdue).toContainText('Request the school report');
  await expect(overdue).toContainText('Overdue');
  await expect(page.getByRole('table', { name: 'Your tasks: due within 7 days' })).toContainText(
    'Book the professionals meeting',
  );
  await expect(page.getByRole('main')).not.toContainText('Review the safety plan');
  await expectNoSeriousViolations(page, 'my tasks');

  await page.getByLabel('Show everyone’s tasks, not only mine').check();
  await expect(page.getByRole('table', { name: 'Everyone’s tasks: overdue' })).toContainText('Sam Patel');

  await overdue
    .or(page.getByRole('table', { name: 'Everyone’s tasks: overdue' }))
    .getByRole('link', { name: jamie.reference })
    .click();
  await expect(page.getByTestId('case-page')).toContainText('Jamie Hughes');
});

test('the search finds a document by its title and opens its case on the Documents tab', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  await makeCase(page, 'Priya', 'Shah', '2010-07-09');
  await api(page, 'note:create', {
    caseId: jamie.id,
    note: { occurredAt: '2026-02-03T10:30:00Z', type: 'meeting', text: 'Read the educational psychologist report.' },
  });

  // Attach a document through the case page, as a clinician would (the case found by its note).
  const search = page.getByRole('searchbox', { name: 'Search notes and documents' });
  await search.fill('educational');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: new RegExp(jamie.reference) }).click();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByLabel('File').setInputFiles({
    name: 'Educational psychologist report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await expect(page.getByLabel('Title')).toHaveValue('Educational psychologist report');
  await page.getByRole('button', { name: 'Attach document' }).click();
  await expect(page.getByRole('row', { name: /Educational psychologist report/ })).toBeVisible();

  await search.fill('psycholog');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Notes matching “psycholog”' })).toBeFocused();
  const docs = page.getByRole('region', { name: 'Documents matching “psycholog”' });
  await expect(docs.getByRole('status')).toContainText('1 document by title or description');
  const hit = docs.getByTestId('document-hit-case');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(jamie.reference);
  await expect(hit).toContainText('Jamie Hughes');
  await expect(hit.locator('mark')).toHaveText(['psychologist']);
  await expectNoSeriousViolations(page, 'search results with documents');

  await hit.getByRole('link', { name: 'Educational psychologist report' }).click();
  await expect(page.getByTestId('case-page')).toContainText('Jamie Hughes');
  await expect(page.getByRole('tab', { name: 'Documents' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('row', { name: /Educational psychologist report/ })).toBeVisible();

  await search.fill('xylophone');
  await page.keyboard.press('Enter');
  await expect(page.getByText('No document titles or descriptions match.')).toBeVisible();
});
