/**
 * The case page's tabs in their groups, and where an arrow key moves among them. Pure, so the
 * grouping and the keyboard path are tested without a browser (tests/renderer/cases/case-tab-groups.test.ts).
 */
import { CASE_TAB_GROUPS, type CaseTabDefinition, type CaseTabGroup } from './tab-registry';

/** What the tab list needs of a tab. */
export type TabSpec = Pick<CaseTabDefinition, 'id' | 'label' | 'group' | 'count'>;

/** One group as the case page draws it: its heading, then its tabs in order. */
export interface TabGroupView<T extends TabSpec = TabSpec> {
  group: CaseTabGroup;
  heading: string;
  tabs: T[];
}

/**
 * The tabs by group, in the order {@link CASE_TAB_GROUPS} lists the groups and, within a group,
 * in the order given (the registry's). A group with no tab the role sees is left out, so no
 * heading stands over nothing.
 */
export function groupCaseTabs<T extends TabSpec>(tabs: readonly T[]): TabGroupView<T>[] {
  return (Object.keys(CASE_TAB_GROUPS) as CaseTabGroup[])
    .map((group) => ({ group, heading: CASE_TAB_GROUPS[group], tabs: tabs.filter((t) => t.group === group) }))
    .filter((g) => g.tabs.length > 0);
}

/**
 * The tab a key moves to from `activeId`, or undefined for a key the list does not handle.
 * The groups read as one list: Down (or Right) after a group's last tab is the next group's
 * first, and past either end it wraps round; Home and End are the first and last of all. Both
 * pairs of arrows work at every width, so the keys do not change when the list turns from a
 * column (wide windows) to rows (narrow ones).
 */
export function tabAfterKey<T extends TabSpec>(
  groups: readonly TabGroupView<T>[],
  activeId: string,
  key: string,
): T | undefined {
  const all = groups.flatMap((g) => g.tabs);
  if (all.length === 0) return undefined;
  const index = all.findIndex((t) => t.id === activeId);
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return all[(index + 1) % all.length];
    case 'ArrowUp':
    case 'ArrowLeft':
      // From a tab not in the list (index -1), Up goes to the last, as from the first.
      return all[(Math.max(index, 0) - 1 + all.length) % all.length];
    case 'Home':
      return all[0];
    case 'End':
      return all[all.length - 1];
    default:
      return undefined;
  }
}
