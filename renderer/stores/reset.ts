/**
 * Every store registers how to return to its empty state here, so one call clears them all.
 * Locking calls `resetAllStores()`: after a lock no case data, user list or recovery key stays
 * in the renderer's memory (beyond what the garbage collector has yet to reclaim).
 */
import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

const resets: (() => void)[] = [];

/**
 * Create a zustand store whose state is plain data with an initial value, and register it for
 * `resetAllStores()`. Actions live in separate modules and call `setState`, which keeps the
 * reset a simple "replace with the initial value".
 */
export function createResettableStore<T extends object>(initial: T): UseBoundStore<StoreApi<T>> {
  const creator: StateCreator<T> = () => ({ ...initial });
  const store = create<T>()(creator);
  resets.push(() => store.setState({ ...initial }, true));
  return store;
}

/** Clear every store in the renderer. Called on lock, whatever caused it. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}
