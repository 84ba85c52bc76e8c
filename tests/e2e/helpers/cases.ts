/**
 * Helpers for the Cases e2e specs: make records through `window.api` (the same bridge the renderer uses) when a test is
 * about something else than how they are typed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { englandIsoDaysFromToday } from './england-date';
import { recordSecret } from '../log-capture/run-logs';

// Kept here too for the specs that import them with the case helpers.
export { ADMIN_NAME, PASSWORD, createVaultAndSignIn } from './sign-in';

/** Call a channel through window.api; throws with the core's message on failure. */
export async function api<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([ch, inp]) => {
      const bridge = (window as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api;
      const fn = bridge[ch as string];
      if (!fn) throw new Error(`No channel ${String(ch)}`);
      return fn(inp);
    },
    [channel, input] as const,
  );
  const r = result as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

export interface MadeCase {
  id: string;
  reference: string;
  version: number;
}

/** Make a referral through the API: a named young person with a date of birth (ISO). */
export async function makeCase(
  page: Page,
  givenName: string,
  familyName: string,
  dateOfBirth: string,
  extra: Record<string, unknown> = {},
): Promise<MadeCase> {
  recordSecret("young person's name", `${givenName} ${familyName}`);
  return api<MadeCase>(page, 'case:create', {
    referralDate: '2026-01-15',
    referralSource: 'Children’s social care',
    servicesRequested: ['assessment'],
    youngPerson: { givenName, familyName, dateOfBirth, localAuthority: 'Leeds' },
    ...extra,
  });
}

/** Today in England as YYYY-MM-DD, shifted by some calendar days (the app's own today). */
export function isoDaysFromToday(days: number): string {
  return englandIsoDaysFromToday(days);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Scan the page; fail on any serious or critical violation, listing what and where. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(report, `axe violations on the ${screen} screen`).toEqual([]);
}
