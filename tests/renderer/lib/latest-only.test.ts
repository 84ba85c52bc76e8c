import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../../renderer/lib/usePagedCall';

/** A request whose answer the test releases when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestOnly', () => {
  it('drops a slow earlier answer that arrives after a later one', async () => {
    const runner = new LatestOnly();
    const landed: string[] = [];
    const page1 = deferred<string>();
    const page2 = deferred<string>();
    const first = runner.run(
      'tasks',
      page1.promise,
      (v) => landed.push(v),
      () => landed.push('failed'),
    );
    const second = runner.run(
      'tasks',
      page2.promise,
      (v) => landed.push(v),
      () => landed.push('failed'),
    );
    page2.resolve('page 2');
    await second;
    page1.resolve('page 1');
    await first;
    expect(landed).toEqual(['page 2']);
  });

  it('drops a stale failure too, and shows the latest one', async () => {
    const runner = new LatestOnly();
    const errors: unknown[] = [];
    const old = deferred<string>();
    const stale = runner.run(
      'notes',
      old.promise,
      () => undefined,
      (e) => errors.push(e),
    );
    await runner.run(
      'notes',
      Promise.reject(new Error('latest')),
      () => undefined,
      (e) => errors.push(e),
    );
    old.reject(new Error('stale'));
    await stale;
    expect(errors.map((e) => (e as Error).message)).toEqual(['latest']);
  });

  it('keeps each key apart: paging one search section leaves the others alone', async () => {
    const runner = new LatestOnly<'cases' | 'notes'>();
    const landed: string[] = [];
    const cases = deferred<string>();
    const casesDone = runner.run(
      'cases',
      cases.promise,
      (v) => landed.push(v),
      () => undefined,
    );
    await runner.run(
      'notes',
      Promise.resolve('notes page'),
      (v) => landed.push(v),
      () => undefined,
    );
    cases.resolve('cases page');
    await casesDone;
    expect(landed).toEqual(['notes page', 'cases page']);
  });
});
