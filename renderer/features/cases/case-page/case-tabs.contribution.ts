/**
 * The cases module's own tabs of the case page. Imported by `CasePage.tsx`, so these
 * definitions (and their screens) load with the case page's chunk, not with the first screen.
 * Another module registers its tabs the same way from its own folder.
 */
import { call } from '../../../lib/api';
import { everyChronologyEvent, useCasePageStore } from '../../../stores/case-page';
import { AccessLogTab } from './AccessLogTab';
import { ChronologyTab } from './ChronologyTab';
import { DocumentsTab } from './DocumentsTab';
import { FlagsTab } from './FlagsTab';
import { NotesTab } from './NotesTab';
import { OverviewTab } from './OverviewTab';
import { PaperworkTab } from './PaperworkTab';
import { PeopleTab } from './PeopleTab';
import { TasksTab } from './TasksTab';
import { loadAccessLog, loadChronology, loadNotes, loadUsers } from './case-actions';
import { registerCaseTab } from './tab-registry';

const store = useCasePageStore;

registerCaseTab({
  id: 'overview',
  label: 'Overview',
  group: 'caseFile',
  order: 10,
  component: OverviewTab,
  // The lead worker and allocations are chosen from the colleagues.
  load: async () => {
    if (!store.getState().users) await loadUsers();
  },
});

registerCaseTab({
  id: 'people',
  label: 'People',
  group: 'caseFile',
  order: 20,
  component: PeopleTab,
  count: (s) => s.detail?.people.length,
});

registerCaseTab({ id: 'paperwork', label: 'Paperwork', group: 'caseFile', order: 30, component: PaperworkTab });

registerCaseTab({
  id: 'flags',
  label: 'Flags',
  group: 'record',
  order: 40,
  component: FlagsTab,
  // Flags come with the case (the header shows them), so the tab has nothing more to load.
  forget: () => store.setState({ flags: null }),
  count: (s) => s.flags?.filter((f) => f.state !== 'cleared').length ?? 0,
});

registerCaseTab({
  id: 'tasks',
  label: 'Tasks',
  group: 'record',
  order: 50,
  component: TasksTab,
  load: async (caseId, force) => {
    const s = store.getState();
    if (force || !s.tasks) store.setState({ tasks: await call('task:listForCase', { caseId }) });
    if (!s.users) await loadUsers();
  },
  forget: () => store.setState({ tasks: null }),
});

registerCaseTab({
  id: 'notes',
  label: 'Notes',
  group: 'record',
  order: 60,
  component: NotesTab,
  load: async (_caseId, force) => {
    const notes = store.getState().notes;
    if (force || !notes) await loadNotes(notes?.offset ?? 0);
  },
  forget: () => store.setState({ notes: null }),
});

registerCaseTab({
  id: 'documents',
  label: 'Documents',
  group: 'record',
  order: 70,
  component: DocumentsTab,
  load: async (caseId, force) => {
    if (force || !store.getState().documents) store.setState({ documents: await call('document:list', { caseId }) });
  },
  forget: () => store.setState({ documents: null }),
});

registerCaseTab({
  id: 'chronology',
  label: 'Chronology',
  group: 'record',
  order: 80,
  component: ChronologyTab,
  load: async (_caseId, force) => {
    const chronology = store.getState().chronology;
    if (force || !chronology) await loadChronology(chronology?.offset ?? 0);
  },
  // Another case starts with everything shown.
  forget: () => store.setState({ chronology: null, chronologyFilter: everyChronologyEvent() }),
});

registerCaseTab({
  id: 'access-log',
  label: 'Access log',
  group: 'record',
  order: 90,
  component: AccessLogTab,
  roles: ['administrator'],
  load: async (_caseId, force) => {
    const accessLog = store.getState().accessLog;
    if (force || !accessLog) await loadAccessLog(accessLog?.offset ?? 0);
  },
  forget: () => store.setState({ accessLog: null }),
});
