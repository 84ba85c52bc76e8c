/** The consultations screens' calls to the core; each updates the store with what comes back. */
import type {
  AgreementInput,
  ConsultationInput,
  ConsultationView,
  SessionInput,
  SessionView,
} from '../../../preload/contract';
import { call } from '../../lib/api';
import { useCasePageStore } from '../../stores/case-page';
import { useConsultationsStore as store } from './consultations-store';

/** The Consultation tab's records for a case: its consultations and the documents to choose from. */
export async function loadCaseConsultations(caseId: string, force: boolean): Promise<void> {
  const s = store.getState();
  if (!force && s.caseId === caseId && s.consultations) return;
  const [consultations, documents] = await Promise.all([
    call('consultation:list', { caseId }),
    call('document:list', { caseId }),
  ]);
  store.setState({ caseId, consultations, documents });
}

export function forgetCaseConsultations(): void {
  store.setState({ caseId: null, consultations: null, documents: null });
}

function replace(updated: ConsultationView): ConsultationView {
  store.setState((s) => ({
    consultations: s.consultations?.some((c) => c.id === updated.id)
      ? s.consultations.map((c) => (c.id === updated.id ? updated : c))
      : [updated, ...(s.consultations ?? [])].sort((a, b) => b.meetingDate.localeCompare(a.meetingDate)),
  }));
  return updated;
}

export async function createConsultation(caseId: string, consultation: ConsultationInput): Promise<ConsultationView> {
  return replace(await call('consultation:create', { caseId, consultation }));
}

export async function updateConsultation(
  consultationId: string,
  expectedVersion: number,
  consultation: ConsultationInput,
): Promise<ConsultationView> {
  return replace(await call('consultation:update', { consultationId, expectedVersion, consultation }));
}

export async function signConsultation(c: ConsultationView): Promise<ConsultationView> {
  return replace(await call('consultation:sign', { consultationId: c.id, expectedVersion: c.version }));
}

export async function addAddendum(consultationId: string, text: string): Promise<ConsultationView> {
  return replace(await call('consultation:addAddendum', { consultationId, text }));
}

/** The Consultations area's two lists (one page each). */
export async function loadConsultationsArea(offset = 0, agreementsOffset = 0): Promise<void> {
  const [all, agreements] = await Promise.all([
    call('consultation:listAll', { offset, limit: 25 }),
    call('batch:listAgreements', { offset: agreementsOffset, limit: 25 }),
  ]);
  store.setState({ all, agreements });
}

export async function pageConsultations(offset: number): Promise<void> {
  store.setState({ all: await call('consultation:listAll', { offset, limit: 25 }) });
}

export async function pageAgreements(offset: number): Promise<void> {
  store.setState({ agreements: await call('batch:listAgreements', { offset, limit: 25 }) });
}

export async function openAgreement(agreementId: string | null): Promise<void> {
  store.setState({ agreement: agreementId ? await call('batch:getAgreement', { agreementId }) : null });
}

export async function createAgreement(agreement: AgreementInput): Promise<void> {
  const made = await call('batch:createAgreement', { agreement });
  store.setState({ agreement: made });
  await pageAgreements(store.getState().agreements?.offset ?? 0);
}

export async function addSession(agreementId: string, session: SessionInput): Promise<void> {
  store.setState({ agreement: await call('batch:addSession', { agreementId, session }) });
  dropCaseChronology();
  await pageAgreements(store.getState().agreements?.offset ?? 0);
}

/**
 * A session's write changes the chronology (and access log) of the cases it discusses: drop the
 * open case's copies so its tabs fetch them again when next shown.
 */
function dropCaseChronology(): void {
  useCasePageStore.setState({ chronology: null, accessLog: null });
}

/** Save an edited session; the agreement comes back with its sessions in date order. */
export async function updateSession(session: SessionView, input: SessionInput): Promise<void> {
  store.setState({
    agreement: await call('batch:updateSession', {
      sessionId: session.id,
      expectedVersion: session.version,
      session: input,
    }),
  });
  dropCaseChronology();
  // A new date can change the agreement's next session in the list.
  await pageAgreements(store.getState().agreements?.offset ?? 0);
}

/** Remove a session entered in error or not held, saying why. */
export async function removeSession(session: SessionView, reason: string): Promise<void> {
  store.setState({
    agreement: await call('batch:removeSession', { sessionId: session.id, expectedVersion: session.version, reason }),
  });
  dropCaseChronology();
  await pageAgreements(store.getState().agreements?.offset ?? 0);
}
