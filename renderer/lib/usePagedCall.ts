import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from './api';

/**
 * Runs requests so that, for each key, only the answer to the latest one lands: paging
 * quickly, or changing what is asked for, must not let a slow earlier answer overwrite a later
 * one. `run` resolves once the answer has landed (or been dropped), so a caller can wait for it.
 */
export class LatestOnly<K extends string = string> {
  private readonly latest = new Map<K, number>();

  run<T>(key: K, request: Promise<T>, land: (value: T) => void, fail: (err: unknown) => void): Promise<void> {
    const ticket = (this.latest.get(key) ?? 0) + 1;
    this.latest.set(key, ticket);
    const isLatest = () => this.latest.get(key) === ticket;
    return request.then(
      (value) => {
        if (isLatest()) land(value);
      },
      (err: unknown) => {
        if (isLatest()) fail(err);
      },
    );
  }
}

/** A component's own `LatestOnly` runner, the same on every render. */
export function useLatestOnly<K extends string = string>(): LatestOnly<K>['run'] {
  const [runner] = useState(() => new LatestOnly<K>());
  return useCallback<LatestOnly<K>['run']>(
    (key, request, land, fail) => runner.run(key, request, land, fail),
    [runner],
  );
}

export interface PagedCall<P> {
  /** The page shown: null until the first answer arrives. */
  page: P | null;
  /** Why the latest request failed, in words; null after a success. */
  error: string | null;
  /** Fetch the page at this offset (the previous page stays on screen until it arrives). */
  load: (offset: number) => Promise<void>;
}

/**
 * A paged list fetched from the core: the first page on mount and whenever `key` changes (what
 * is asked for, e.g. "overdue/mine"), any other page through `load`. Only the latest answer is
 * shown. `fetchPage` may change on every render; the latest one is used.
 */
export function usePagedCall<P>(key: string, fetchPage: (offset: number) => Promise<P>): PagedCall<P> {
  const [page, setPage] = useState<P | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useLatestOnly();
  const fetchRef = useRef(fetchPage);
  // Kept current after each render (before the effects below run), not during it.
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback(
    (offset: number) =>
      run(
        'page',
        fetchRef.current(offset),
        (next: P) => {
          setPage(next);
          setError(null);
        },
        (err) => setError(errorMessage(err)),
      ),
    [run],
  );

  useEffect(() => {
    void load(0);
  }, [load, key]);

  return { page, error, load };
}
