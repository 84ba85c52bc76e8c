import { createResettableStore } from '../../../../renderer/stores/reset';

/** The throwaway module keeps its records in its own store, cleared on lock like every store. */
export const courtLetterStore = createResettableStore<{ caseId: string | null; loads: number }>({
  caseId: null,
  loads: 0,
});
