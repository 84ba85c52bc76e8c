/**
 * The tabs of the case page. A tab is one definition (what it is called, where it sits, who
 * sees it, what it loads, what it forgets when another case opens, and its screen) that a
 * module registers from its own folder, so the case page, its store and its actions name no
 * tab. The cases module's own tabs are in `case-tabs.contribution.ts`.
 */
import type { ComponentType } from 'react';
import type { Role } from '../../../../preload/contract';
import type { CasePageState } from '../../../stores/case-page';

/**
 * The groups the case page's tabs fall into, in the order they are shown. The case page draws
 * each group under its heading, so a new module's tab names its group and nothing else moves.
 */
export const CASE_TAB_GROUPS = {
  caseFile: 'Case file',
  clinical: 'Clinical work',
  record: 'Casework and record',
} as const;
export type CaseTabGroup = keyof typeof CASE_TAB_GROUPS;
const GROUP_ORDER = Object.keys(CASE_TAB_GROUPS) as CaseTabGroup[];

export interface CaseTabDefinition {
  /** The tab's id: in the store, and in the element ids `case-tab-<id>` / `case-panel-<id>`. */
  id: string;
  /** The tab's label. */
  label: string;
  /** The group it is shown in ({@link CASE_TAB_GROUPS}). */
  group: CaseTabGroup;
  /**
   * Where it sits in its group: lower first. By convention 10-30 the case file (overview, people,
   * paperwork); 31-39 the clinical work in the order it happens (consultation 32, assessment 35,
   * attachment 36, psychometrics 37, interventions 38, Safe Home 39); 40-90 casework and the
   * record (flags, tasks, notes, documents, chronology, access log).
   */
  order: number;
  /**
   * The tab's screen. A module loaded with the first screen passes a `React.lazy` component,
   * so its screen is only fetched when the tab is first shown.
   */
  component: ComponentType;
  /**
   * Fetch what the tab shows for the open case: when it is first shown, or again with `force`
   * after the case reloads. Errors show in the tab.
   */
  load?: (caseId: string, force: boolean) => Promise<void>;
  /** Forget what the tab holds of the previous case (called when another case opens). */
  forget?: () => void;
  /** A count shown after the label (e.g. open flags), read from the case page's store. */
  count?: (state: CasePageState) => number | undefined;
  /** Roles that see the tab; all roles when absent. */
  roles?: readonly Role[];
}

const tabs = new Map<string, CaseTabDefinition>();

/** Add a tab (called once by a module's contribution file). Returns how to remove it (for tests). */
export function registerCaseTab(tab: CaseTabDefinition): () => void {
  tabs.set(tab.id, tab);
  return () => {
    if (tabs.get(tab.id) === tab) tabs.delete(tab.id);
  };
}

/** Every registered tab, in tab order: by group, then by order within the group. */
export function registeredCaseTabs(): CaseTabDefinition[] {
  return [...tabs.values()].sort(
    (a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.order - b.order,
  );
}

/** A tab by id, if registered. */
export function caseTab(id: string): CaseTabDefinition | undefined {
  return tabs.get(id);
}

/** The tabs a role sees, in tab order (`role` undefined while the session loads: all-roles tabs only). */
export function caseTabsFor(role: Role | undefined): CaseTabDefinition[] {
  return registeredCaseTabs().filter((t) => !t.roles || (role !== undefined && t.roles.includes(role)));
}

/** The tab to show: the chosen one if the role sees it, else the first it sees (Overview). */
export function caseTabToShow(chosen: string, role: Role | undefined): CaseTabDefinition | undefined {
  const visible = caseTabsFor(role);
  return visible.find((t) => t.id === chosen) ?? visible[0];
}
