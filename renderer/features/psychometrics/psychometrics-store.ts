/**
 * What the Psychometrics tab holds for the open case: its administrations and the catalogue it
 * records from. Reset on lock like every store; forgotten when another case opens.
 */
import type {
  AdministrationCorrection,
  AdministrationInput,
  AdministrationView,
  InstrumentView,
} from '../../../preload/contract';
import { call } from '../../lib/api';
import { useCasePageStore } from '../../stores/case-page';
import { createResettableStore } from '../../stores/reset';
import { loadUsers } from '../cases/case-page/case-actions';

export interface PsychometricsState {
  caseId: string | null;
  administrations: AdministrationView[] | null;
  instruments: InstrumentView[] | null;
}

export const usePsychometricsStore = createResettableStore<PsychometricsState>({
  caseId: null,
  administrations: null,
  instruments: null,
});

/** Fetch the case's administrations (and the catalogue, once). */
export async function loadPsychometrics(caseId: string, force: boolean): Promise<void> {
  const s = usePsychometricsStore.getState();
  if (force || s.caseId !== caseId || !s.administrations) {
    const administrations = await call('psychometrics:listForCase', { caseId });
    usePsychometricsStore.setState({ caseId, administrations });
  }
  if (force || !usePsychometricsStore.getState().instruments) {
    usePsychometricsStore.setState({ instruments: await call('psychometrics:listInstruments', {}) });
  }
}

/** What the tab needs when shown: the administrations, the catalogue, the colleagues. */
export async function loadPsychometricsTab(caseId: string, force: boolean): Promise<void> {
  await loadPsychometrics(caseId, force);
  // "Administered by" is chosen from the colleagues.
  if (!useCasePageStore.getState().users) await loadUsers();
}

export function forgetPsychometrics(): void {
  usePsychometricsStore.setState({ caseId: null, administrations: null });
}

/**
 * After a write the case's chronology (and access log) no longer match: drop them so the tabs
 * fetch them again when next shown, as the case page's own writes do.
 */
function afterWrite(caseId: string, administrations: AdministrationView[]): void {
  usePsychometricsStore.setState({ caseId, administrations });
  useCasePageStore.setState({ chronology: null, accessLog: null });
}

/** Record an administration and put it at the top of the list (newest date first). */
export async function recordAdministration(
  caseId: string,
  administration: AdministrationInput,
): Promise<AdministrationView> {
  const made = await call('psychometrics:record', { caseId, administration });
  afterWrite(caseId, await call('psychometrics:listForCase', { caseId }));
  return made;
}

/** Correct an administration and reload the list (a new date can move it). */
export async function correctAdministration(
  a: AdministrationView,
  administration: AdministrationCorrection,
): Promise<AdministrationView> {
  const saved = await call('psychometrics:update', {
    administrationId: a.id,
    expectedVersion: a.version,
    administration,
  });
  afterWrite(a.caseId, await call('psychometrics:listForCase', { caseId: a.caseId }));
  return saved;
}

/** Remove an administration entered in error, and reload the list. */
export async function removeAdministration(a: AdministrationView, reason: string): Promise<void> {
  await call('psychometrics:remove', { administrationId: a.id, expectedVersion: a.version, reason });
  afterWrite(a.caseId, await call('psychometrics:listForCase', { caseId: a.caseId }));
}
