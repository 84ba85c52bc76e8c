import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { docxParts, xmlText } from '../main/core/reports/read-back';
import { test, expect } from './fixtures';
import { api, expectNoSeriousViolations, makeCase } from './helpers/cases';
import { goToArea, measureOverflow } from './helpers/reflow';
import { arriveInCases, createVaultAndSignIn, signIn } from './helpers/sign-in';

/*
 * The Attachment tab, from the keyboard: an SAA for the young person (with their mother as the
 * attachment figure, a transcript as its recording) is refused a code the DMM does not have,
 * inline as it is typed, then coded A6 with Utr and Dp; A6 at ten is earlier than usual, so the
 * save asks for the warning to be acknowledged, and the saved SAA shows who acknowledged it.
 * A DMM-AAI for the mother is coded A3 with Ul and R. The family view sets both side by side,
 * tiers in words, and the assessment report's Word file carries both. A Toddler CARE-Index shows
 * each partner's running sum and refuses a sheet that does not add up to 14. Axe scans on each
 * state; screenshots at 1280x800 and 320 CSS px wide.
 */

const ARTIFACTS = 'tests/e2e/artifacts';

/** Focus a control and press a key on it, as a keyboard user does. */
async function press(page: Page, target: Locator, key = 'Enter') {
  await target.focus();
  await page.keyboard.press(key);
}

/** Select all of a field's text and type over it. */
async function typeInto(page: Page, target: Locator, text: string) {
  await target.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** A one-page PDF with a line of text (xref offsets computed, so the viewer accepts it). */
function transcriptPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const at: number[] = [];
  for (const [i, body] of objects.entries()) {
    at.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${at.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

test('an SAA and a DMM-AAI coded with modifiers, a refused code, an acknowledged warning, the family view', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  // Ten years and eight months on 10/02/2026: within the SAA's range, too young for an A6.
  const made = await makeCase(page, 'Jordan', 'Ellis', '2015-06-01');
  await api(page, 'person:add', {
    caseId: made.id,
    person: { kind: 'parent_carer', name: 'Kerry Ellis', relationship: 'Mother', dateOfBirth: '1988-04-02' },
  });
  // An accepted case with its assessment open, so that its report carries the attachment section.
  const detail = await api<{ version: number }>(page, 'case:get', { caseId: made.id });
  await api(page, 'case:setStatus', {
    caseId: made.id,
    expectedVersion: detail.version,
    status: 'accepted',
    reason: null,
    closingSummary: null,
  });
  await api(page, 'assessment:open', { caseId: made.id });
  // Leave and come back, so the caseload lists the case made through the API.
  await goToArea(page, 'Sharing');
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: made.reference }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Jordan Ellis' })).toBeVisible();

  // The SAA's transcript, attached on the Documents tab (a file chooser: the one mouse-free exception).
  await press(page, page.getByRole('tab', { name: /^Documents/ }));
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'SAA transcript.pdf',
    mimeType: 'application/pdf',
    buffer: transcriptPdf('SAA transcript - Jordan Ellis'),
  });
  await press(page, page.getByRole('button', { name: 'Attach document' }));
  await expect(page.getByRole('row', { name: /SAA transcript/ })).toBeVisible();

  await press(page, page.getByRole('tab', { name: 'Attachment' }));
  await expect(page.getByRole('heading', { level: 3, name: 'Attachment' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Attachment tab (not started)');
  await press(page, page.getByRole('button', { name: 'Start the attachment assessment' }));
  await expect(page.getByRole('heading', { level: 4, name: 'Family view' })).toBeVisible();
  // A column for the young person and one for each parent or carer, before anything is coded.
  await expect(page.getByRole('region', { name: 'Family view' }).getByText('No procedures yet.')).toHaveCount(2);

  // The SAA for the young person, with their mother as the figure.
  await press(page, page.getByRole('button', { name: 'Add a procedure' }));
  await expect(page.getByRole('heading', { level: 4, name: 'Add a procedure' })).toBeFocused();
  const procedure = page.getByLabel('Procedure', { exact: true });
  await procedure.selectOption('SAA');
  await expect(procedure).toHaveAccessibleDescription(/For about 5-12 years\. Gives a DMM classification\./);
  await page.getByLabel('Attachment figure').selectOption({ label: 'Kerry Ellis (Mother)' });
  await typeInto(page, page.getByLabel('Date administered'), '10/02/2026');
  await press(page, page.getByLabel('PDF: SAA transcript'), 'Space');
  await page.getByLabel('Transcript', { exact: true }).selectOption('checked');
  await typeInto(page, page.getByLabel('Coder', { exact: true }), 'Dr Lena Rowe');
  await page.getByLabel('Coder certified reliable').selectOption('yes');
  await page.getByLabel('Coded blind').selectOption('yes');
  await press(page, page.getByLabel('A second coder checked the coding'), 'Space');
  await typeInto(page, page.getByLabel('Second coder', { exact: true }), 'Dr Ade Okafor');
  await page.getByLabel('Agreement').selectOption('disagreed');
  await typeInto(page, page.getByLabel('How the disagreement was resolved'), 'Agreed A6 at a consensus meeting.');

  // A code the DMM does not have is refused as it is typed, in the contract's words.
  const classification = page.getByLabel('Classification', { exact: true });
  await typeInto(page, classification, 'B7');
  await expect(classification).toHaveAttribute('aria-invalid', 'true');
  await expect(classification).toHaveAccessibleDescription(/There is no B7: the B codes run from B1 to B5\./);
  await expectNoSeriousViolations(page, 'procedure form (refused code)');
  await page.screenshot({ path: `${ARTIFACTS}/attachment-form-refused-1280x800.png`, fullPage: true });

  await typeInto(page, classification, 'A6');
  await expect(classification).not.toHaveAttribute('aria-invalid', 'true');
  await expect(classification).toHaveAccessibleDescription(/A6: compulsively self-reliant\. Risk tier: High\./);
  const warnings = page.getByTestId('procedure-warnings');
  await expect(warnings).toContainText('A6 is usually seen from adolescence; the person was 10 years 8 months old.');

  // Only the SAA's modifiers are offered: Ul, Utr, Dp and ina.
  const modifiers = page.getByRole('group', { name: 'Modifiers' });
  await expect(modifiers.getByRole('button', { name: /^Add / })).toHaveText([
    'Add Ul (unresolved loss)',
    'Add Utr (unresolved trauma)',
    'Add Dp (depressed)',
    'Add ina (intrusions of forbidden negative affect)',
  ]);
  await press(page, modifiers.getByRole('button', { name: 'Add Utr (unresolved trauma)' }));
  const utr = page.getByRole('group', { name: 'Modifier 1: Utr (unresolved trauma)' });
  await expect(utr.getByLabel('The trauma (what happened, when)')).toBeFocused();
  await page.keyboard.type('domestic abuse at home, 2021');
  await press(page, utr.getByLabel('dismissed', { exact: true }), 'Space');
  await press(page, modifiers.getByRole('button', { name: 'Add Dp (depressed)' }));
  await expect(page.getByRole('button', { name: 'Remove modifier 2 (Dp)' })).toBeFocused();
  // Dp is recorded once: its button goes.
  await expect(modifiers.getByRole('button', { name: 'Add Dp (depressed)' })).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/attachment-form-1280x800.png`, fullPage: true });

  // Saving with a warning asks for it to be acknowledged.
  await press(page, page.getByRole('button', { name: 'Add the procedure' }));
  const dialog = page.getByRole('dialog', { name: 'Save with these warnings?' });
  await expect(dialog).toContainText('A6 is usually seen from adolescence; the person was 10 years 8 months old.');
  await expectNoSeriousViolations(page, 'warning acknowledgement');
  await press(page, dialog.getByRole('button', { name: 'Acknowledge and save' }));
  await expect(page.getByRole('status').filter({ hasText: 'Added the SAA (A6).' })).toBeFocused();

  const saa = page.getByRole('article', { name: /^SAA of Jordan Ellis \(Young person\), 10\/02\/2026/ });
  await expect(
    saa
      .getByRole('definition')
      .filter({ has: page.getByRole('listitem') })
      .getByRole('listitem'),
  ).toHaveText(['Utr (domestic abuse at home, 2021: dismissed)', 'Dp']);
  await expect(saa).toContainText('Dr Ade Okafor: disagreed. Resolved: Agreed A6 at a consensus meeting.');
  await expect(saa.getByText(/acknowledged by Sam Patel, \d\d\/\d\d\/\d{4} \d\d:\d\d/)).toBeVisible();
  await press(page, saa.getByRole('button', { name: 'View SAA transcript' }));
  await expect(page.getByRole('heading', { level: 4, name: 'Viewing: SAA transcript' })).toBeFocused();
  await expect(page.getByTestId('document-viewer')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Close the viewer' }));

  // The DMM-AAI for the mother: no attachment figure; the full range of modifiers.
  await press(page, page.getByRole('button', { name: 'Add a procedure' }));
  await procedure.selectOption('DMM-AAI');
  await page.getByLabel('Person assessed').selectOption({ label: 'Kerry Ellis (Mother)' });
  await expect(page.getByText('no attachment figure is named')).toBeVisible();
  await expect(page.getByLabel('Attachment figure')).toHaveCount(0);
  await typeInto(page, page.getByLabel('Date administered'), '11/02/2026');
  await typeInto(page, page.getByLabel('Coder', { exact: true }), 'Dr Lena Rowe');
  await typeInto(page, classification, 'a3');
  await expect(classification).toHaveAccessibleDescription(/A3: compulsive caregiving\. Risk tier: Elevated\./);
  await press(page, modifiers.getByRole('button', { name: 'Add Ul (unresolved loss)' }));
  const ul = page.getByRole('group', { name: 'Modifier 1: Ul (unresolved loss)' });
  await page.keyboard.type('her father, 2019');
  await press(page, ul.getByLabel('blocked', { exact: true }), 'Space');
  await press(page, modifiers.getByRole('button', { name: 'Add R (reorganising)' }));
  await expect(page.getByLabel('Reorganising towards')).toBeFocused();
  await page.keyboard.type('B');
  await expect(page.getByTestId('procedure-warnings')).toHaveCount(0);
  await press(page, page.getByRole('button', { name: 'Add the procedure' }));
  await expect(page.getByRole('status').filter({ hasText: 'Added the DMM-AAI (A3).' })).toBeFocused();

  // The family view: the young person's column first, then the mother's, tiers in words.
  const columns = page
    .getByRole('list', { name: /one column per person/ })
    .getByRole('listitem')
    .filter({
      has: page.getByRole('heading', { level: 5 }),
    });
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0).getByRole('heading', { level: 5 })).toHaveText('Jordan EllisYoung person');
  await expect(columns.nth(0)).toContainText('SAA with Mother (Kerry Ellis)');
  await expect(columns.nth(0)).toContainText('A6');
  await expect(columns.nth(0)).toContainText('Utr (domestic abuse at home, 2021: dismissed)');
  await expect(columns.nth(0)).toContainText('Risk tier: High');
  await expect(columns.nth(1).getByRole('heading', { level: 5 })).toHaveText('Kerry EllisMother');
  await expect(columns.nth(1)).toContainText('DMM-AAI');
  await expect(columns.nth(1)).toContainText('Ul (her father, 2019: blocked)');
  await expect(columns.nth(1)).toContainText('R (towards B)');
  await expect(columns.nth(1)).toContainText('Risk tier: Elevated');
  await expectNoSeriousViolations(page, 'family view');
  const family = page.getByRole('region', { name: 'Family view' });
  await family.screenshot({ path: `${ARTIFACTS}/attachment-family-1280x800.png` });
  await page.screenshot({ path: `${ARTIFACTS}/attachment-tab-1280x800.png`, fullPage: true });

  // The formulation and the strategy summary.
  await typeInto(
    page,
    page.getByLabel('Functional formulation'),
    'Jordan manages closeness by needing no one; the harmful behaviour happened when he was alone and unsupervised.',
  );
  await typeInto(page, page.getByLabel('The young person’s self-protective strategy'), 'A6: compulsive self-reliance.');
  await press(page, page.getByRole('button', { name: 'Save the formulation' }));
  await expect(page.getByText('The formulation and strategy summary were saved.')).toBeVisible();

  // At 320 CSS px the columns stack and nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(family).toBeVisible();
  await family.screenshot({ path: `${ARTIFACTS}/attachment-family-320.png` });
  expect(await measureOverflow(page, 'Attachment tab at 320 px')).toBeNull();
  await press(page, page.getByRole('button', { name: 'Change the SAA of Jordan Ellis' }));
  await expect(page.getByRole('heading', { level: 4, name: 'Change the SAA of Jordan Ellis' })).toBeFocused();
  const form = page.getByRole('form', { name: 'Change the SAA of Jordan Ellis' });
  await form.screenshot({ path: `${ARTIFACTS}/attachment-form-320.png` });
  expect(await measureOverflow(page, 'procedure form at 320 px')).toBeNull();
  await expectNoSeriousViolations(page, 'procedure form at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The assessment report's attachment section is filled from these records (read back from the Word file).
  await press(page, page.getByRole('tab', { name: /^Assessment/ }));
  const word = page.getByRole('link', { name: 'Download assessment report (Word)' });
  const download = page.waitForEvent('download');
  await press(page, word);
  const path = await (await download).path();
  const report = xmlText(docxParts(readFileSync(path))['word/document.xml'] ?? '');
  for (const expected of [
    'SAA (School-age Assessment of Attachment): Jordan Ellis',
    'A6: compulsively self-reliant',
    'Utr (domestic abuse at home, 2021: dismissed); Dp',
    'DMM-AAI (Adult Attachment Interview (DMM coding)): Kerry Ellis',
    'Ul (her father, 2019: blocked); R (towards B)',
    'Jordan manages closeness by needing no one',
  ]) {
    expect(report).toContain(expected);
  }
});

test('a Toddler CARE-Index: each partner’s running sum, a sheet that does not add up refused, the band derived', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await createVaultAndSignIn(page);
  const made = await makeCase(page, 'Riley', 'Shaw', '2020-05-01');
  await api(page, 'person:add', {
    caseId: made.id,
    person: { kind: 'parent_carer', name: 'Dana Shaw', relationship: 'Mother', dateOfBirth: '1995-09-12' },
  });
  await api(page, 'attachment:open', { caseId: made.id });
  await goToArea(page, 'Sharing');
  await goToArea(page, 'Cases');
  await page.getByRole('link', { name: made.reference }).first().click();
  await press(page, page.getByRole('tab', { name: 'Attachment' }));
  await press(page, page.getByRole('button', { name: 'Add a procedure' }));
  await page.getByLabel('Procedure', { exact: true }).selectOption('TCI');
  await page.getByLabel('Attachment figure').selectOption({ label: 'Dana Shaw (Mother)' });
  await typeInto(page, page.getByLabel('Date administered'), '10/02/2026');
  // No classification and no modifiers for a CARE-Index: the score sheet instead.
  await expect(page.getByLabel('Classification', { exact: true })).toHaveCount(0);

  const adult = page.getByRole('group', { name: 'Adult', exact: true });
  const toddler = page.getByRole('group', { name: 'Toddler', exact: true });
  await typeInto(page, adult.getByLabel('Sensitive'), '8');
  await typeInto(page, adult.getByLabel('Controlling'), '4');
  await expect(page.getByTestId('care-adult-sum')).toHaveText('Adult: sum 12 of 14 so far');
  await expect(page.getByTestId('care-band')).toContainText('Sensitivity band: adequate Risk tier: Normative');
  await typeInto(page, adult.getByLabel('Unresponsive'), '1');
  await expect(page.getByTestId('care-adult-sum')).toHaveText('Adult: sum 13 of 14 (they must add up to 14)');
  for (const [label, score] of [
    ['Cooperative', '6'],
    ['Compulsive', '2'],
    ['Threateningly coercive', '2'],
    ['Disarmingly coercive', '2'],
    ['Passive', '2'],
  ] as const) {
    await typeInto(page, toddler.getByLabel(label, { exact: true }), score);
  }
  await expect(page.getByTestId('care-child-sum')).toHaveText('Toddler: sum 14 of 14');

  await press(page, page.getByRole('button', { name: 'Add the procedure' }));
  await expect(adult).toContainText("The adult's scales must add up to 14; they add up to 13.");
  // The whole sheet is in error, not one scale: the focus goes into it.
  await expect(adult.getByLabel('Sensitive')).toBeFocused();
  await expectNoSeriousViolations(page, 'CARE-Index sheet (refused)');
  await page.getByRole('form', { name: 'Add a procedure' }).screenshot({
    path: `${ARTIFACTS}/attachment-care-index-refused-1280x800.png`,
  });

  await typeInto(page, adult.getByLabel('Unresponsive'), '2');
  await expect(page.getByTestId('care-adult-sum')).toHaveText('Adult: sum 14 of 14');
  await press(page, page.getByRole('button', { name: 'Add the procedure' }));
  await expect(page.getByRole('status').filter({ hasText: 'Added the TCI.' })).toBeFocused();
  const column = page.getByRole('region', { name: 'Family view' }).getByRole('listitem').first();
  await expect(column).toContainText('TCI with Mother (Dana Shaw)');
  await expect(column).toContainText('Risk tier: Normative');
  await expect(page.getByRole('article', { name: /^TCI of Riley Shaw/ })).toContainText('Sensitivity band: adequate');
  await expectNoSeriousViolations(page, 'Attachment tab with a CARE-Index');

  // A read-only colleague reads it all and is offered nothing to change.
  await api(page, 'user:create', {
    username: 'rreader',
    displayName: 'Robin Reader',
    password: 'read only long password',
    role: 'read-only',
  });
  await press(page, page.getByRole('button', { name: 'Lock', exact: true }));
  await signIn(page, { username: 'rreader', password: 'read only long password' });
  await arriveInCases(page);
  await page.getByRole('link', { name: made.reference }).first().click();
  await press(page, page.getByRole('tab', { name: 'Attachment' }));
  await expect(page.getByRole('region', { name: 'Family view' })).toContainText('Risk tier: Normative');
  await expect(page.getByRole('article', { name: /^TCI of Riley Shaw/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Add a procedure|Change|Remove|Save the formulation)/ })).toHaveCount(
    0,
  );
  // No field to type into (the search box is a searchbox, not a textbox).
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'Attachment tab, read-only');
});
