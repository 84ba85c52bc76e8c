/**
 * Helpers for the reflow spec (WCAG 2.2 1.4.10: content usable at 320 CSS px without scrolling
 * the page sideways): measure a screen, name what sticks out, and reach each area whether the
 * navigation is open on the side or folded behind its Menu button.
 */
import type { Page } from '@playwright/test';
import { api, makeCase, isoDaysFromToday, type MadeCase } from './cases';

export interface Overflow {
  screen: string;
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements whose right edge passes the window's, to say where to look. */
  culprits: string[];
}

/** Null when the page does not scroll sideways; otherwise how wide it is, and why. */
export async function measureOverflow(page: Page, screen: string): Promise<Overflow | null> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const limit = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect();
      if (box.right <= limit + 0.5 || box.width === 0) continue;
      // Report an element only when its parent fits: the parent is not the cause.
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right > limit + 0.5) continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
      culprits.push(`${name} (right edge ${Math.round(box.right)})`);
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
  return found ? { screen, ...found } : null;
}

/** Choose an area in the main navigation, opening the Menu first when it is folded. */
export async function goToArea(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export interface Seeded {
  jordan: MadeCase;
  others: MadeCase[];
}

/**
 * Cases with something in every table: people, paperwork received, an overdue task and one due
 * soon, notes, an open flag; and a dozen more cases for the caseload.
 */
export async function seedCases(page: Page): Promise<Seeded> {
  const users = await api<{ id: string }[]>(page, 'user:list', {});
  const me = users[0]?.id;
  if (!me) throw new Error('no user to own the tasks');
  const jordan = await makeCase(page, 'Jordan', 'Ellis-Fairweather', '2012-03-14', {
    leadWorkerId: me,
    referralSource: 'Leeds Children’s Social Care, Multi-Agency Safeguarding Hub',
    referrer: { name: 'Priya Shah', role: 'social_worker', agency: 'Leeds Children’s Social Care' },
  });
  await api(page, 'person:add', {
    caseId: jordan.id,
    person: { kind: 'parent_carer', name: 'Alex Ellis', relationship: 'Foster carer', parentalResponsibility: false },
  });
  const types = await api<{ id: string }[]>(page, 'paperwork:listTypes', {});
  for (const [i, type] of types.slice(0, 2).entries()) {
    await api(page, 'paperwork:setReceived', {
      caseId: jordan.id,
      typeId: type.id,
      receivedDate: `2026-01-${String(20 + i)}`,
      notes: 'Received by secure email from the social worker',
    });
  }
  await api(page, 'task:create', {
    caseId: jordan.id,
    task: { title: 'Book the professionals meeting with the network', ownerId: me, dueDate: isoDaysFromToday(-3) },
  });
  await api(page, 'task:create', {
    caseId: jordan.id,
    task: {
      title: 'Send the psychometric questionnaires to the foster carer',
      ownerId: me,
      dueDate: isoDaysFromToday(4),
    },
  });
  for (const text of [
    'Telephone call with the social worker about the safety plan at the foster placement and school.',
    'Professionals meeting: agreed the assessment timetable and who will tell the young person.',
  ]) {
    await api(page, 'note:create', {
      caseId: jordan.id,
      note: { occurredAt: '2026-02-03T10:30:00Z', type: 'phone_call', text, thirdPartySensitive: true },
    });
  }
  await api(page, 'flag:raise', {
    caseId: jordan.id,
    flag: {
      reason: 'Police liaison needed before any interview with the young person',
      addressBy: isoDaysFromToday(10),
    },
  });
  const names: [string, string, string][] = [
    ['Amara', 'Okafor', '2010-05-02'],
    ['Callum', 'MacLeod-Henderson', '2009-11-23'],
    ['Priya', 'Shah', '2013-07-09'],
    ['Noah', 'Williams', '2011-01-30'],
    ['Ellie', 'Thompson', '2008-09-12'],
    ['Kacper', 'Nowak', '2012-12-01'],
  ];
  const others: MadeCase[] = [];
  for (const [given, family, dob] of names) others.push(await makeCase(page, given, family, dob, { leadWorkerId: me }));
  return { jordan, others };
}
