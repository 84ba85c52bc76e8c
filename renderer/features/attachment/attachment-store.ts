/**
 * The open case's attachment (DMM) assessment and its family view, for the Attachment tab.
 * Case data: resettable, so a lock clears it; forgotten when another case opens. `attachment`
 * is undefined until loaded and null when the case has no attachment assessment yet.
 */
import type { AttachmentView, FamilyView } from '../../../preload/contract/attachment';
import { createResettableStore } from '../../stores/reset';

export interface AttachmentTabState {
  caseId: string | null;
  attachment: AttachmentView | null | undefined;
  family: FamilyView | null;
}

export const useAttachmentStore = createResettableStore<AttachmentTabState>({
  caseId: null,
  attachment: undefined,
  family: null,
});

export function forgetAttachment(): void {
  useAttachmentStore.setState({ caseId: null, attachment: undefined, family: null });
}
