/**
 * The separation issue 13 asks for: every output of family A, from a real vault through the
 * router (the chronology, the case's Safe Home, the programme summary as PDF text and Word XML,
 * and the decrypted case bundle), searched for family B's names and notes: none is found. The
 * positive control: the same outputs hold family A's own names and words.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseSafeHomeView, ChronologyPage } from '../../../../preload/contract';
import { loadUserKeys } from '../../../../main/core/keys/user-keys';
import { exportReport } from '../../../../main/core/reports/report-export';
import { send, type Laptop } from '../bundles/app-fixtures';
import { takeApart } from '../bundles/craft';
import { twoLaptops } from '../bundles/two-laptops';
import { POPPLER, UNZIP, docxParts, pdfPages, xmlText } from '../reports/read-back';
import { A_WORDS, B_WORDS, writeTwoFamilies, type TwoFamilies } from './two-families';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
let g: TwoFamilies;
twoLaptops('ncats-safe-home-separation-', (pair) => ({ alice, bob, bobOnAlice } = pair));
beforeEach(() => {
  g = writeTwoFamilies(alice.core.manager.current());
});

function expectOnlyFamilyA(output: string, what: string, own: readonly string[]): void {
  for (const w of own) expect(output, `${what} holds A's "${w}"`).toContain(w);
  for (const w of B_WORDS) expect(output, `${what} holds B's "${w}"`).not.toContain(w);
}

describe('family A’s outputs hold nothing of family B', () => {
  it('in the chronology and the case’s Safe Home', async () => {
    const chronology = await alice.call<ChronologyPage>('chronology:get', { caseId: g.a.caseId, limit: 200 });
    expectOnlyFamilyA(chronology.items.map((e) => e.summary).join('\n'), 'the chronology', A_WORDS.slice(0, 3));
    const view = await alice.call<CaseSafeHomeView>('safeHomeCase:get', { caseId: g.a.caseId });
    expectOnlyFamilyA(JSON.stringify(view), 'safeHomeCase:get', A_WORDS);
  });

  it.skipIf(!POPPLER || !UNZIP)('in the programme summary, as PDF text and as Word XML', async () => {
    const vault = alice.core.manager.current();
    for (const recordId of Object.values(g.a.enrolments)) {
      const pdf = await exportReport(vault, { caseId: g.a.caseId, kind: 'safe-home', format: 'pdf', recordId });
      const docx = await exportReport(vault, { caseId: g.a.caseId, kind: 'safe-home', format: 'docx', recordId });
      const own = ['Sam Ashworth', 'ASHWORTH-SAFETY-PLAN'];
      expectOnlyFamilyA(pdfPages(pdf.bytes).join('\n').replace(/\s+/g, ' '), 'the PDF', own);
      expectOnlyFamilyA(Object.values(docxParts(docx.bytes)).map(xmlText).join('\n'), 'the Word file', own);
    }
  });

  it('in the decrypted case bundle', async () => {
    const file = await send(alice, g.a.caseId, bobOnAlice);
    const keys = loadUserKeys(bob.core.manager.current());
    if (!keys) throw new Error('Bob has keys once his card was made');
    const entries = await takeApart(file, keys.ageIdentity);
    expectOnlyFamilyA(entries.map((e) => e.data.toString('utf8')).join('\n'), 'the bundle', A_WORDS);
  });
});
