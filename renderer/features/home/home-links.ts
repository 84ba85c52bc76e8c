/**
 * Where each Home item leads: its case, on the tab that holds it, in the Cases area; a Safe
 * Home session to its run's overview; and each section's "see them all" to its full list.
 */
import { NO_FILTERS, showCasesView, useCasesStore } from '../../stores/cases';
import { goToArea } from '../../stores/shell';
import { openCaseOnTab } from '../cases/case-page/case-actions';
import { openRun } from '../safe-home/safe-home-actions';

/** The case tabs Home opens (ids of the tabs the cases, assessments and interventions modules register). */
export type HomeCaseTab = 'overview' | 'tasks' | 'assessment' | 'flags' | 'interventions';

export const TAB_WORDS: Record<HomeCaseTab, string> = {
  overview: 'open the case',
  tasks: 'open its Tasks tab',
  assessment: 'open its Assessment tab',
  flags: 'open its Flags tab',
  interventions: 'open its Interventions tab',
};

export function openCaseFromHome(caseId: string, tab: HomeCaseTab): void {
  openCaseOnTab(caseId, tab);
  goToArea('cases');
}

/** Open a Safe Home run's overview (its register) in the Safe Home area. */
export function openRunFromHome(runId: string): Promise<void> {
  goToArea('safe-home');
  return openRun(runId);
}

/** The caseload filtered to my open cases with a flag: where every flag of mine can be found. */
function showMyFlaggedCases(): void {
  useCasesStore.setState({ filters: { ...NO_FILTERS, scope: 'mine', scopeChosen: true, flagged: true } });
  showCasesView({ kind: 'caseload' });
  goToArea('cases');
}

/** The full lists behind each section. */
export const FULL_LISTS = {
  caseload: { label: 'See all my cases in Cases', go: () => (showCasesView({ kind: 'caseload' }), goToArea('cases')) },
  tasks: { label: 'See all my tasks in My tasks', go: () => (showCasesView({ kind: 'tasks' }), goToArea('cases')) },
  assessments: { label: 'See all open assessments', go: () => goToArea('assessments') },
  flags: { label: 'See my flagged cases in Cases', go: showMyFlaggedCases },
  interventions: { label: 'See all active plans', go: () => goToArea('interventions') },
  safeHome: { label: 'See all Safe Home runs', go: () => goToArea('safe-home') },
} as const;
export type FullList = (typeof FULL_LISTS)[keyof typeof FULL_LISTS];
