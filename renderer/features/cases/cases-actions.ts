/** Calls the Cases area makes that are shared by several of its views. */
import { call } from '../../lib/api';
import { useCasesStore } from '../../stores/cases';

/** Load the colleague directory once per session (lead-worker filter and picker). */
export async function loadDirectory(): Promise<void> {
  if (useCasesStore.getState().directory) return;
  const directory = await call('user:directory', {});
  useCasesStore.setState({ directory });
}
