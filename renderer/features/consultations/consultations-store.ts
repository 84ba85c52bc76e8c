/**
 * What the consultations screens hold: the open case's consultations and documents (Consultation
 * tab), and the Consultations area's pages. Case data, so the store is resettable: a lock clears it.
 */
import type {
  AgreementDetail,
  AgreementSummary,
  ConsultationListItem,
  ConsultationView,
  DocumentView,
  Page,
} from '../../../preload/contract';
import { createResettableStore } from '../../stores/reset';

export interface ConsultationsState {
  /** The case the tab's lists belong to. */
  caseId: string | null;
  consultations: ConsultationView[] | null;
  documents: DocumentView[] | null;
  /** Consultations area. */
  all: Page<ConsultationListItem> | null;
  agreements: Page<AgreementSummary> | null;
  /** The agreement opened in the area, with its sessions. */
  agreement: AgreementDetail | null;
}

export const useConsultationsStore = createResettableStore<ConsultationsState>({
  caseId: null,
  consultations: null,
  documents: null,
  all: null,
  agreements: null,
  agreement: null,
});
