import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, isoDaysFromToday, makeCase } from './helpers/cases';
import { createVaultAndSignIn } from './helpers/sign-in';

test('the search finds a note, highlights the words and opens the case', async ({ app }) => {
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

  const search = page.getByRole('searchbox', { name: 'Search cases, notes and documents' });
  await search.fill('playground');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Search results for “playground”' });
  await expect(heading).toBeFocused();
  const notes = page.getByRole('region', { name: 'Notes', exact: true });
  await expect(notes).toContainText('Found in 1 case.');
  await expect(notes).toContainText('Searched every matching note.');
  await expect(notes).toContainText('Cases are listed by the date of their latest matching note, newest first.');
  const results = notes.getByRole('listitem').filter({ hasText: jamie.reference });
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
  await expect(page.getByText('No case matches this as a reference, a name or a date of birth.')).toBeVisible();

  await search.fill('playground');
  await page.keyboard.press('Enter');
  await notes.getByRole('link', { name: new RegExp(jamie.reference) }).click();
  await expect(page.getByTestId('case-page')).toContainText('Jamie Hughes');
  // Back returns to the search results.
  await page.getByRole('button', { name: 'Back to the search results' }).click();
  await expect(heading).toBeVisible();
});

test('my tasks lists overdue tasks and tasks due within 7 days, linked to their cases', async ({ app }) => {
  const { page } = app;
  await createVaultAndSignIn(page);
  const [me] = await api<{ id: string }[]>(page, 'user:directory', {});
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
  const search = page.getByRole('searchbox', { name: 'Search cases, notes and documents' });
  await search.fill('educational');
  await page.keyboard.press('Enter');
  await page
    .getByRole('region', { name: 'Notes', exact: true })
    .getByRole('link', { name: new RegExp(jamie.reference) })
    .click();
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'Educational psychologist report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await expect(page.getByLabel('Title')).toHaveValue('Educational psychologist report');
  await page.getByRole('button', { name: 'Attach document' }).click();
  await expect(page.getByRole('row', { name: /Educational psychologist report/ })).toBeVisible();

  await search.fill('psycholog');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Search results for “psycholog”' })).toBeFocused();
  const docs = page.getByRole('region', { name: 'Documents', exact: true });
  await expect(docs).toContainText('1 document by title or description');
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

const ARTIFACTS = 'tests/e2e/artifacts';

test('one search box finds a case by name, reference and date of birth, in sections with jump links', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const jamie = await makeCase(page, 'Jamie', 'Hughes', '2012-03-27');
  const priya = await makeCase(page, 'Priya', 'Shah', '2010-07-09');
  await api(page, 'note:create', {
    caseId: priya.id,
    note: { occurredAt: '2026-02-03T10:30:00Z', type: 'meeting', text: 'Jamie Hughes was mentioned by the school.' },
  });

  const search = page.getByRole('searchbox', { name: 'Search cases, notes and documents' });
  await search.fill('Jamie Hughes');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Search results for “Jamie Hughes”' })).toBeFocused();
  const jumps = page.getByRole('navigation', { name: 'Search result sections' });
  await expect(jumps.getByRole('link')).toHaveText(['Cases (1)', 'Notes (1 case)', 'Documents (0)']);
  const cases = page.getByRole('region', { name: 'Cases', exact: true });
  await expect(cases.getByTestId('case-hit')).toHaveCount(1);
  await expect(cases.getByTestId('case-hit')).toContainText(jamie.reference);
  await expect(cases.getByTestId('case-hit')).toContainText('Born 27/03/2012');
  // The note naming Jamie is in Priya's case: found by its words, in its own section.
  await expect(page.getByRole('region', { name: 'Notes', exact: true }).getByTestId('note-hit-case')).toContainText(
    priya.reference,
  );
  await expectNoSeriousViolations(page, 'unified search results');
  await page.screenshot({ path: `${ARTIFACTS}/search-results-1280.png`, fullPage: false });

  // A jump link moves the focus to its section.
  await jumps.getByRole('link', { name: /^Documents/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Documents' })).toBeFocused();
  await jumps.getByRole('link', { name: /^Cases/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Cases' })).toBeFocused();

  // By reference and by date of birth, as typed.
  await search.fill(jamie.reference);
  await page.keyboard.press('Enter');
  await expect(cases.getByTestId('case-hit')).toContainText('Jamie Hughes');
  await search.fill('09/07/2010');
  await page.keyboard.press('Enter');
  await expect(cases.getByTestId('case-hit')).toHaveCount(1);
  await expect(cases.getByTestId('case-hit')).toContainText(priya.reference);
  await cases.getByRole('link', { name: new RegExp(priya.reference) }).click();
  await expect(page.getByTestId('case-page')).toContainText('Priya Shah');

  // At 320 CSS px (200 % zoom) the search box and the results fit: no sideways page scroll.
  await page.getByRole('button', { name: 'Back to the search results' }).click();
  await page.setViewportSize({ width: 320, height: 640 });
  const box = await search.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: `${ARTIFACTS}/search-results-320.png`, fullPage: true });
  expect
    .soft(sideways, 'the page scrolls sideways at 320 px (the header is restyled by the layout change)')
    .toBeLessThanOrEqual(0);
});

test('show older matches continues past the newest 500 notes until every note has been searched', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const older = await makeCase(page, 'Zara', 'Older', '2011-01-05');
  const busy = await makeCase(page, 'Ben', 'Owusu', '2012-02-06');
  await api(page, 'note:create', {
    caseId: older.id,
    note: { occurredAt: '2026-02-20T10:00:00Z', type: 'case_note', text: 'Safety plan first agreed.' },
  });
  // 500 newer notes in another case fill the first window.
  await page.evaluate(async (caseId) => {
    const bridge = (window as unknown as { api: Record<string, (i: unknown) => Promise<{ ok: boolean }>> }).api;
    for (let i = 0; i < 500; i++) {
      const r = await bridge['note:create']?.({
        caseId,
        note: { occurredAt: '2026-01-10T10:00:00Z', type: 'session', text: `Safety plan reviewed (${i}).` },
      });
      if (!r?.ok) throw new Error('note:create failed');
    }
  }, busy.id);

  await page.getByRole('searchbox', { name: 'Search cases, notes and documents' }).fill('safety plan');
  await page.keyboard.press('Enter');
  const notes = page.getByRole('region', { name: 'Notes', exact: true });
  await expect(notes).toContainText('Searched the 500 most recently entered matching notes.');
  await expect(notes).toContainText('Older matching notes have not been searched yet.');
  await expect(notes.getByTestId('note-hit-case')).toHaveText([new RegExp(busy.reference)]);
  await expect(page.getByRole('navigation', { name: 'Search result sections' })).toContainText('Notes (1 case so far)');
  await page.screenshot({ path: `${ARTIFACTS}/search-older-first-window.png`, fullPage: false });

  await notes.getByRole('button', { name: 'Show older matches' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Notes' })).toBeFocused();
  await expect(notes.getByTestId('note-hit-case')).toHaveText([new RegExp(older.reference)]);
  await expect(notes).toContainText('Every note has been searched: there are no older matches.');
  await expect(notes).toContainText('Searched the oldest matching notes (from number 501 on');
  await expect(notes.getByRole('button', { name: 'Show older matches' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'search results, older matches');
  await page.screenshot({ path: `${ARTIFACTS}/search-older-second-window.png`, fullPage: false });

  // Back from the case returns to the same window.
  await notes.getByRole('link', { name: new RegExp(older.reference) }).click();
  await expect(page.getByTestId('case-page')).toContainText('Zara Older');
  await page.getByRole('button', { name: 'Back to the search results' }).click();
  await expect(notes.getByTestId('note-hit-case')).toHaveText([new RegExp(older.reference)]);
  await notes.getByRole('button', { name: 'Back to the newest matches' }).click();
  await expect(notes.getByTestId('note-hit-case')).toHaveText([new RegExp(busy.reference)]);
});
