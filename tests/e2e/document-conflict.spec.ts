/**
 * A document whose content differs, resolved from the screen (issue 15): Alice's copy of a
 * letter has gone its own way, her bundle imports on Bob's laptop with the letter as a conflict,
 * and Bob keeps both from the case's Flags tab. Alice is a second core in this process (no
 * screen needed for her); Bob is the app under test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Page } from '@playwright/test';
import { importDocument } from '../../main/core/documents/documents.service';
import {
  divergeDocument,
  exchangeCards,
  laptop,
  makeCase,
  ok,
  receive,
  send,
  type Laptop,
} from '../main/core/bundles/app-fixtures';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './helpers/cases';
import { goToArea } from './helpers/reflow';
import { createVaultAndSignIn } from './helpers/sign-in';
import { recordSecret } from './log-capture/run-logs';

const ARTIFACTS = 'tests/e2e/artifacts';

function tab(page: Page, name: string) {
  return page.getByRole('tab', { name: new RegExp(`^${name}`) });
}

test('keep both from the screen: the sender’s differing letter becomes a document of its own', async ({ app }) => {
  test.skip(app.host === null, 'Alice’s bundle is made by a second core beside the browser host.');
  test.setTimeout(180_000);
  const host = app.host;
  if (!host) return;
  const work = mkdtempSync(join(tmpdir(), 'ncats-e2e-docconflict-'));
  let alice: Laptop | undefined;
  try {
    const page = app.page;
    await createVaultAndSignIn(page, { name: 'Bob Barnes', username: 'bbarnes' });
    const raw = (channel: string, input: unknown) => host.core.router(channel, input);
    const bob: Laptop = {
      core: host.core,
      dir: app.vaultDir,
      raw,
      call: async <T>(c: string, i: unknown) => ok<T>(await raw(c, i)),
    };
    alice = await laptop(work, 'alice', 'Alice Ahmed');
    const { bOnA } = await exchangeCards(alice, bob);
    recordSecret("young person's name", 'Sam Docconflict');
    const kase = await makeCase(alice, 'Docconflict');
    const aliceVault = alice.core.manager.current();
    const letter = await importDocument(
      aliceVault,
      { caseId: kase.id, filename: 'referral-letter.pdf', title: 'Referral letter' },
      Readable.from([Buffer.alloc(20_000, 'first version ')]),
    );
    const transfer = async () => {
      if (!alice) throw new Error('no Alice');
      const inboxId = await receive(bob, await send(alice, kase.id, bOnA));
      return bob.call<{ localReference: string; conflicts: number }>('bundle:apply', { inboxId });
    };
    const first = await transfer();
    await divergeDocument(
      aliceVault,
      letter.id,
      Buffer.alloc(12_000, 'corrected version '),
      'Referral letter, corrected',
    );
    expect(await transfer()).toMatchObject({ conflicts: 1 });

    // Bob opens the case and reviews the conflict on the Flags tab.
    await goToArea(page, 'Dashboard');
    await goToArea(page, 'Cases');
    await page.getByRole('link', { name: first.localReference }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sam Docconflict' })).toBeVisible();
    await tab(page, 'Flags').click();
    const conflict = page.getByRole('article', { name: 'Documents conflict' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('The content of this document differs from yours.');
    await expect(conflict.getByRole('button', { name: 'Keep both' })).toBeVisible();
    await expectNoSeriousViolations(page, 'document conflict');
    await page.screenshot({ path: `${ARTIFACTS}/document-conflict-keep-both.png`, fullPage: true });
    await conflict.getByRole('button', { name: 'Keep both' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Both versions were kept' });
    await expect(done).toBeVisible();
    await expect(done).toContainText('No conflicts remain; the flag was cleared.');

    // Both letters are on the case, the sender's titled as theirs.
    await tab(page, 'Documents').click();
    const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Europe/London' });
    const rows = page.getByRole('row').filter({ hasText: 'referral-letter.pdf' });
    await expect(rows).toHaveCount(2);
    await expect(
      rows.filter({ hasText: `Referral letter, corrected (version from Alice Ahmed, ${today})` }),
    ).toHaveCount(1);
    await expect(rows.filter({ hasText: '20 KB' })).toContainText('Referral letter');
    await page.screenshot({ path: `${ARTIFACTS}/document-conflict-both-kept.png`, fullPage: true });
  } finally {
    alice?.core.manager.dispose();
    rmSync(work, { recursive: true, force: true });
  }
});
