import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../preload/contract';
import { workerChoices } from '../../../renderer/features/cases/case-page/workers';

// Only the fields workerChoices reads; the rest of a case does not matter here.
function caseWith(lead: { id: string; name: string } | null, allocated: { id: string; displayName: string }[]) {
  return {
    leadWorkerId: lead?.id ?? null,
    leadWorkerName: lead?.name ?? null,
    allocatedClinicians: allocated,
  } as unknown as CaseDetail;
}

const me = { id: 'me', displayName: 'Sam Patel' };
const directory = [
  { id: 'a', displayName: 'Alex Jones' },
  { id: 'me', displayName: 'Sam Patel' },
  { id: 'b', displayName: 'Bea Khan' },
];

describe('workerChoices', () => {
  it('offers the whole directory with the signed-in user first, marked (you)', () => {
    expect(workerChoices(caseWith(null, []), me, directory).map((w) => w.displayName)).toEqual([
      'Sam Patel (you)',
      'Alex Jones',
      'Bea Khan',
    ]);
  });

  it('keeps workers on the case who are no longer in the directory', () => {
    const detail = caseWith({ id: 'gone', name: 'Former Colleague' }, [{ id: 'left', displayName: 'Also Left' }]);
    expect(workerChoices(detail, me, directory).map((w) => w.id)).toEqual(['me', 'a', 'b', 'gone', 'left']);
  });

  it('before the directory loads, offers the user and the case’s workers', () => {
    const detail = caseWith({ id: 'a', name: 'Alex Jones' }, [{ id: 'b', displayName: 'Bea Khan' }]);
    expect(workerChoices(detail, me, null).map((w) => w.id)).toEqual(['me', 'a', 'b']);
  });

  it('leaves out a signed-in user the directory does not offer (read-only users hold no casework)', () => {
    const reader = { id: 'r', displayName: 'Rita Reader' };
    expect(workerChoices(caseWith(null, []), reader, directory).map((w) => w.id)).toEqual(['a', 'me', 'b']);
  });
});
