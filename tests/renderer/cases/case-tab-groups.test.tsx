import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseTabs } from '../../../renderer/features/cases/case-page/CaseTabs';
import { groupCaseTabs, tabAfterKey, type TabSpec } from '../../../renderer/features/cases/case-page/case-tab-groups';
import { caseTabsFor, registerCaseTab } from '../../../renderer/features/cases/case-page/tab-registry';
import '../../../renderer/features/cases/case-page/case-tabs.contribution';
import '../../../renderer/features/shell/contributions';

/*
 * The case page's tabs by group, and the keyboard path across the groups. Three throwaway tabs
 * stand in for the modules still to come (attachment 36, interventions 38, Safe Home 39), so
 * the page is seen with its fifteen tabs; their ids are prefixed so they meet no real tab.
 */
const Blank = () => null;
const unregister = [
  registerCaseTab({ id: 'probe-attachment', label: 'Attachment', group: 'clinical', order: 36, component: Blank }),
  registerCaseTab({
    id: 'probe-interventions',
    label: 'Interventions',
    group: 'clinical',
    order: 38,
    component: Blank,
  }),
  registerCaseTab({ id: 'probe-safe-home', label: 'Safe Home', group: 'clinical', order: 39, component: Blank }),
];
afterAll(() => {
  for (const undo of unregister) undo();
});

const ids = (tabs: readonly TabSpec[]) => tabs.map((t) => t.id);
/** The ids of `tabs` that are in `wanted`, in the order `tabs` has them. */
const only = (tabs: readonly TabSpec[], wanted: readonly string[]) => ids(tabs).filter((id) => wanted.includes(id));

const CLINICAL = [
  'consultation',
  'assessment',
  'probe-attachment',
  'psychometrics',
  'probe-interventions',
  'probe-safe-home',
];
const RECORD = ['flags', 'tasks', 'notes', 'documents', 'chronology', 'access-log'];

function render(tabs: TabSpec[], active: string): string {
  return renderToStaticMarkup(
    <CaseTabs tabs={tabs} active={active} onSelect={() => undefined}>
      panel
    </CaseTabs>,
  );
}

describe('the case page’s tabs in groups', () => {
  it('groups fifteen tabs under their headings, in group order then tab order', () => {
    const groups = groupCaseTabs(caseTabsFor('administrator'));
    expect(groups.map((g) => g.heading)).toEqual(['Case file', 'Clinical work', 'Casework and record']);
    const [caseFile, clinical, record] = groups;
    expect(only(caseFile?.tabs ?? [], ['overview', 'people', 'paperwork'])).toEqual([
      'overview',
      'people',
      'paperwork',
    ]);
    expect(only(clinical?.tabs ?? [], CLINICAL)).toEqual(CLINICAL);
    expect(only(record?.tabs ?? [], RECORD)).toEqual(RECORD);
    expect(groups.flatMap((g) => g.tabs).length).toBeGreaterThanOrEqual(15);
    // Each tab is in its own group only.
    for (const g of groups) expect(g.tabs.every((t) => t.group === g.group)).toBe(true);
  });

  it('leaves out a group with no tab the role sees, so no heading stands over nothing', () => {
    const record = caseTabsFor('clinician').filter((t) => t.group === 'record');
    expect(groupCaseTabs(record).map((g) => g.heading)).toEqual(['Casework and record']);
    expect(groupCaseTabs([])).toEqual([]);
  });
});

describe('the keyboard path across the groups', () => {
  const groups = groupCaseTabs(caseTabsFor('administrator'));
  const all = groups.flatMap((g) => g.tabs);
  const move = (from: string, key: string) => tabAfterKey(groups, from, key)?.id;

  it('goes from a group’s last tab to the next group’s first with Down or Right, and back with Up or Left', () => {
    const lastOfCaseFile = groups[0]?.tabs.at(-1)?.id ?? '';
    const firstOfClinical = groups[1]?.tabs[0]?.id ?? '';
    expect(lastOfCaseFile).toBe('paperwork');
    expect(move(lastOfCaseFile, 'ArrowDown')).toBe(firstOfClinical);
    expect(move(lastOfCaseFile, 'ArrowRight')).toBe(firstOfClinical);
    expect(move(firstOfClinical, 'ArrowUp')).toBe(lastOfCaseFile);
    expect(move(firstOfClinical, 'ArrowLeft')).toBe(lastOfCaseFile);
    const lastOfClinical = groups[1]?.tabs.at(-1)?.id ?? '';
    expect(move(lastOfClinical, 'ArrowDown')).toBe('flags');
  });

  it('reaches the ends of the whole list with Home and End, and wraps round past them', () => {
    expect(move('notes', 'Home')).toBe('overview');
    expect(move('consultation', 'End')).toBe(all.at(-1)?.id);
    expect(all.at(-1)?.id).toBe('access-log');
    expect(move('access-log', 'ArrowDown')).toBe('overview');
    expect(move('overview', 'ArrowUp')).toBe('access-log');
  });

  it('leaves every other key to the browser (Tab goes on to the panel)', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'PageDown']) expect(move('notes', key)).toBeUndefined();
    expect(tabAfterKey([], 'notes', 'ArrowDown')).toBeUndefined();
  });

  it('starts from the first or last tab when the shown one is not in the list', () => {
    expect(move('gone', 'ArrowDown')).toBe('overview');
    expect(move('gone', 'ArrowUp')).toBe('access-log');
  });
});

describe('the tab list’s markup', () => {
  const tabs = caseTabsFor('administrator');
  const html = render(tabs, 'notes');

  it('is one tab list per group, named by its visible heading, which stands outside it', () => {
    const lists = html.match(/<div role="tablist"[^>]*>/g) ?? [];
    expect(lists).toHaveLength(3);
    for (const [group, heading] of [
      ['caseFile', 'Case file'],
      ['clinical', 'Clinical work'],
      ['record', 'Casework and record'],
    ]) {
      expect(html).toContain(`<h3 id="case-tab-group-${group}"`);
      expect(html).toMatch(new RegExp(`id="case-tab-group-${group}"[^>]*>${heading}</h3>`));
      expect(lists.some((l) => l.includes(`aria-labelledby="case-tab-group-${group}"`))).toBe(true);
    }
    // A tab list owns only tabs: no heading inside one.
    for (const body of html.split('role="tablist"').slice(1)) {
      const inside = body.slice(0, body.indexOf('</div>'));
      expect(inside).not.toContain('<h3');
    }
    // Vertical where there is no window to ask (the wide layout is the default).
    for (const l of lists) expect(l).toContain('aria-orientation="vertical"');
  });

  it('has one tab stop and one selected tab across all the groups, and one panel labelled by it', () => {
    expect(html.match(/role="tab"/g)).toHaveLength(tabs.length);
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html.match(/tabindex="0"/g)).toHaveLength(2); // the shown tab and the panel
    expect(html).toMatch(/<button[^>]*id="case-tab-notes"[^>]*aria-selected="true"[^>]*tabindex="0"/);
    expect(html.match(/role="tabpanel"/g)).toHaveLength(1);
    expect(html).toContain('<div role="tabpanel" id="case-panel-notes" aria-labelledby="case-tab-notes"');
  });

  it('shows only the groups the tabs given fall into', () => {
    const few = tabs.filter((t) => t.group !== 'clinical');
    const markup = render(few, 'overview');
    expect(markup.match(/role="tablist"/g)).toHaveLength(2);
    expect(markup).not.toContain('Clinical work');
  });
});
