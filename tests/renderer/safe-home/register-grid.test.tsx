/** The register grid: cells in words, the arrow keys' moves, and the table a screen reader reads. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  cellsBySession,
  cellStatus,
  moveInGrid,
  sessionHeading,
} from '../../../renderer/features/safe-home/register-grid';
import { RegisterGrid } from '../../../renderer/features/safe-home/RegisterGrid';
import { found, id, sampleRun } from './run-fixture';

describe('the register grid', () => {
  const run = sampleRun();
  const cells = cellsBySession(run.register);
  const session = (short: string) =>
    found(
      run.sessions.find((s) => s.id === id(short)),
      short,
    );
  const carer = (short: string) =>
    found(
      run.enrolments.find((e) => e.id === id(short)),
      short,
    );

  it('says each cell in words: a state with its reason, not yet taken, or not part of a catch-up', () => {
    expect(cellStatus(session('s2'), carer('e2'), cells.get(id('s2'))?.get(id('e2')))).toMatchObject({
      kind: 'state',
      mark: 'Ap',
      words: 'Apologies',
      reason: 'Ill',
    });
    expect(cellStatus(session('s3'), carer('e1'), undefined)).toMatchObject({
      kind: 'not_taken',
      words: 'Not yet taken',
    });
    expect(cellStatus(session('c2'), carer('e2'), undefined)).toMatchObject({ kind: 'not_taken' });
    expect(cellStatus(session('c2'), carer('e1'), undefined)).toMatchObject({ kind: 'not_expected' });
  });

  it('names a catch-up by the session it repeats', () => {
    expect(sessionHeading(session('s3'))).toEqual({ short: '3', full: 'Session 3, 26/01/2026' });
    expect(sessionHeading(session('c2'))).toEqual({ short: 'C2', full: 'Catch-up for session 2, 22/01/2026' });
  });

  it('moves with the arrow keys, Home and End, stopping at the edges', () => {
    const size = { rows: 3, cols: 4 };
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowRight', size)).toEqual({ row: 0, col: 1 });
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowLeft', size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 2, col: 1 }, 'ArrowDown', size)).toEqual({ row: 2, col: 1 });
    expect(moveInGrid({ row: 2, col: 1 }, 'ArrowUp', size)).toEqual({ row: 1, col: 1 });
    expect(moveInGrid({ row: 1, col: 2 }, 'Home', size)).toEqual({ row: 1, col: 0 });
    expect(moveInGrid({ row: 1, col: 0 }, 'End', size)).toEqual({ row: 1, col: 3 });
  });

  it('is a table with column and row headers, each cell a button with the state in words', () => {
    const html = renderToStaticMarkup(<RegisterGrid run={run} canWrite onChoose={() => undefined} />);
    expect(html).toContain('<table');
    expect(html).toMatch(
      /<th scope="col"[^>]*><span aria-hidden="true">1<\/span><span class="visually-hidden">Session 1, 12\/01\/2026<\/span><\/th>/,
    );
    expect(html).toContain('<th scope="row"');
    // 3 carers x 4 sessions, less the two carers the catch-up is not for.
    expect(html.match(/<button/g)).toHaveLength(10);
    expect(html).toContain('Apologies (Ill), Sam Ellis, Session 2, 19/01/2026');
    expect(html).toContain('Did not attend, Dana Price, Session 2, 19/01/2026');
    expect(html).toContain('Withdrew after 1 of 13 sessions');
  });

  it('shows marks, not buttons, to someone who cannot take a register', () => {
    const html = renderToStaticMarkup(<RegisterGrid run={run} canWrite={false} onChoose={() => undefined} />);
    expect(html).not.toContain('<button');
    expect(html).toContain('Attended, Kerry Ellis, Session 1, 12/01/2026');
  });
});
