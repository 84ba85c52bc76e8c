/**
 * What the case page does: load the case and its lists into the store, and save changes.
 * Saves send the version the user saw; a CONFLICT answer sets `conflict` so the page can say
 * someone else changed the case, and is rethrown so the form stays open with its input.
 */
import type {
  CaseDetail,
  CasePatch,
  CaseStatus,
  ChannelInput,
  ChronologyFilter,
  NoteInput,
  PersonInput,
} from '../../../../preload/contract';
import { ApiError, call, errorMessage } from '../../../lib/api';
import { useCasePageStore, type CaseTab } from '../../../stores/case-page';
import { openCase as showCase } from '../../../stores/cases';
import { caseTab, registeredCaseTabs } from './tab-registry';

const store = useCasePageStore;
const PAGE_SIZE = 20;

function current(): CaseDetail {
  const detail = store.getState().detail;
  if (!detail) throw new ApiError({ code: 'NOT_FOUND', message: 'The case is no longer open. Open it again.' });
  return detail;
}

/** Run a save; on CONFLICT mark the page so it offers a reload. */
async function guarded<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CONFLICT') store.setState({ conflict: true });
    throw err;
  }
}

/**
 * Go to a case showing one of its tabs (e.g. Documents, from a document search hit). Presets
 * the page's store with the case and tab; `openCase` below keeps the tab when the case it opens
 * is the one already in the store, so the page opens on that tab.
 */
export function openCaseOnTab(caseId: string, tab: CaseTab): void {
  store.setState({ caseId, tab, tabError: null });
  showCase(caseId);
}

/** Open a case: clears whatever the previous case left in the store. */
export async function openCase(caseId: string): Promise<void> {
  const keepTab = store.getState().caseId === caseId ? store.getState().tab : 'overview';
  store.setState({ caseId, detail: null, loadError: null, conflict: false, tab: keepTab });
  // Each tab forgets what it held of the previous case.
  for (const tab of registeredCaseTabs()) tab.forget?.();
  await reloadCase();
}

/** Fetch the case again (after a conflict, or to see others' changes). Lists reload lazily. */
export async function reloadCase(): Promise<void> {
  const caseId = store.getState().caseId;
  if (!caseId) return;
  try {
    const [detail, flags] = await Promise.all([call('case:get', { caseId }), call('flag:list', { caseId })]);
    if (store.getState().caseId !== caseId) return;
    store.setState({ detail, flags, loadError: null, tabError: null, conflict: false });
    void loadTab(store.getState().tab, true);
  } catch (err) {
    if (store.getState().caseId !== caseId) return;
    store.setState({ loadError: err instanceof ApiError ? err.message : 'The case could not be opened.' });
  }
}

export function selectTab(tab: CaseTab): void {
  store.setState({ tab, tabError: null });
  void loadTab(tab, false);
}

/** Load what a tab needs, once (or again with `force`). Errors show in the tab. */
export async function loadTab(tab: CaseTab, force: boolean): Promise<void> {
  const caseId = store.getState().caseId;
  const load = caseTab(tab)?.load;
  if (!caseId || !load) return;
  try {
    await load(caseId, force);
  } catch (err) {
    if (store.getState().tab === tab) store.setState({ tabError: errorMessage(err) });
  }
}

/**
 * Colleagues who can own a task, lead a case or be allocated to it: the active administrators
 * and clinicians of the vault (user:directory, open to every signed-in user). Read-only users
 * cannot hold casework, so they are left out.
 */
export async function loadUsers(): Promise<void> {
  const directory = await call('user:directory', {});
  store.setState({
    users: directory.filter((u) => u.role !== 'read-only').map((u) => ({ id: u.id, displayName: u.displayName })),
  });
}

export async function loadNotes(offset: number): Promise<void> {
  const caseId = current().id;
  store.setState({ notes: await call('note:list', { caseId, offset, limit: PAGE_SIZE }) });
}

/** A page of the chronology with the filter in the store, so paging keeps the filter. */
export async function loadChronology(offset: number): Promise<void> {
  const caseId = current().id;
  const filter = store.getState().chronologyFilter;
  const page = await call('chronology:get', { caseId, filter, offset, limit: PAGE_SIZE });
  // A newer filter may have been chosen while this page was on its way: keep only the latest.
  if (store.getState().chronologyFilter === filter && store.getState().caseId === caseId) {
    store.setState({ chronology: { ...page, shownFor: filter } });
  }
}

/** Show the chronology through another filter, from its first page. */
export async function filterChronology(filter: ChronologyFilter): Promise<void> {
  store.setState({ chronologyFilter: filter });
  try {
    await loadChronology(0);
  } catch (err) {
    store.setState({ tabError: errorMessage(err) });
  }
}

export async function loadAccessLog(offset: number): Promise<void> {
  const caseId = current().id;
  store.setState({ accessLog: await call('case:accessLog', { caseId, offset, limit: PAGE_SIZE }) });
}

/** After any change, the chronology (and access log) are out of date: fetch them on next view. */
function invalidateDerived(): void {
  store.setState({ chronology: null, accessLog: null });
}

export async function updateCase(patch: CasePatch): Promise<CaseDetail> {
  const { id, version } = current();
  const detail = await guarded(() => call('case:update', { caseId: id, expectedVersion: version, patch }));
  store.setState({ detail });
  invalidateDerived();
  return detail;
}

export async function setStatus(status: CaseStatus, reason: string | null, closingSummary: string | null) {
  const { id, version } = current();
  const detail = await guarded(() =>
    call('case:setStatus', { caseId: id, expectedVersion: version, status, reason, closingSummary }),
  );
  store.setState({ detail });
  invalidateDerived();
  return detail;
}

export async function addPerson(person: PersonInput): Promise<void> {
  await call('person:add', { caseId: current().id, person });
  await refreshDetail();
}

export async function updatePerson(
  personId: string,
  expectedVersion: number,
  person: ChannelInput<'person:update'>['person'],
): Promise<void> {
  await guarded(() => call('person:update', { personId, expectedVersion, person }));
  await refreshDetail();
}

export async function removePerson(personId: string): Promise<void> {
  await call('person:remove', { personId });
  await refreshDetail();
}

/** Quietly fetch the case after a change to one of its parts (people, paperwork). */
async function refreshDetail(): Promise<void> {
  const detail = await call('case:get', { caseId: current().id });
  store.setState({ detail });
  invalidateDerived();
}

/**
 * Record (or clear) a paperwork item's date. A date before the referral is refused with
 * CONFIRMATION_REQUIRED until it is sent again with `acknowledgeBeforeReferral`.
 */
export async function setPaperworkReceived(
  typeId: string,
  receivedDate: string | null,
  acknowledgeBeforeReferral = false,
): Promise<CaseDetail> {
  const detail = await call('paperwork:setReceived', {
    caseId: current().id,
    typeId,
    receivedDate,
    acknowledgeBeforeReferral,
  });
  store.setState({ detail });
  invalidateDerived();
  return detail;
}

/** Fetch the case's flags again (after a change here or one made elsewhere, e.g. a bundle). */
export async function refreshFlags(): Promise<void> {
  store.setState({ flags: await call('flag:list', { caseId: current().id }) });
  invalidateDerived();
}

export async function raiseFlag(reason: string, addressBy: string | null): Promise<void> {
  await call('flag:raise', { caseId: current().id, flag: { reason, addressBy } });
  await refreshFlags();
}

export async function clearFlag(flagId: string, note: string): Promise<void> {
  await call('flag:clear', { flagId, note });
  await refreshFlags();
}

export async function createTask(title: string, ownerId: string, dueDate: string | null): Promise<void> {
  const caseId = current().id;
  await call('task:create', { caseId, task: { title, ownerId, dueDate } });
  store.setState({ tasks: await call('task:listForCase', { caseId }) });
  invalidateDerived();
}

/** Mark a task done at the version the user saw; a CONFLICT (done or changed meanwhile) is rethrown. */
export async function completeTask(taskId: string, expectedVersion: number): Promise<void> {
  try {
    await call('task:complete', { taskId, expectedVersion });
  } catch (err) {
    // Someone else did it or changed it: show the list as it now is, then say why.
    if (err instanceof ApiError && err.code === 'CONFLICT') {
      store.setState({ tasks: await call('task:listForCase', { caseId: current().id }) });
    }
    throw err;
  }
  store.setState({ tasks: await call('task:listForCase', { caseId: current().id }) });
  invalidateDerived();
}

export async function createNote(note: NoteInput): Promise<void> {
  await call('note:create', { caseId: current().id, note });
  await loadNotes(0);
  invalidateDerived();
}

export async function updateNote(noteId: string, expectedVersion: number, note: NoteInput): Promise<void> {
  await guarded(() => call('note:update', { noteId, expectedVersion, note }));
  await loadNotes(store.getState().notes?.offset ?? 0);
  invalidateDerived();
}

export async function refreshDocuments(): Promise<void> {
  store.setState({ documents: await call('document:list', { caseId: current().id }) });
  invalidateDerived();
}

export async function deleteDocument(documentId: string, reason: string | null): Promise<void> {
  await call('document:delete', { documentId, reason });
  await refreshDocuments();
}

export async function updateDocument(
  documentId: string,
  expectedVersion: number,
  title: string,
  description: string | null,
): Promise<void> {
  await guarded(() => call('document:update', { documentId, expectedVersion, title, description }));
  await refreshDocuments();
}

/** Mark a document as holding third-party information, or take the marking off (audited). */
export async function setDocumentThirdParty(
  documentId: string,
  expectedVersion: number,
  thirdParty: boolean,
): Promise<void> {
  await guarded(() => call('document:update', { documentId, expectedVersion, thirdParty }));
  await refreshDocuments();
}
