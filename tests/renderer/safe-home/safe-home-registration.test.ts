/** The Safe Home area replaces its planned empty state; its tab closes the clinical work and forgets synchronously. */
import { describe, expect, it } from 'vitest';
import '../../../renderer/features/shell/contributions';
import { areasFor } from '../../../renderer/features/shell/area-registry';
import { caseTab, caseTabsFor } from '../../../renderer/features/cases/case-page/tab-registry';

describe('Safe Home’s registrations', () => {
  it('is an area with a screen, for every role, where the planned area was', () => {
    const area = areasFor('read-only').find((a) => a.id === 'safe-home');
    expect(area).toMatchObject({ label: 'Safe Home', order: 60 });
    expect(area?.component).toBeDefined();
    expect(area?.empty).toBeUndefined();
  });

  it('has the last tab of the clinical work (39), after Interventions’ 38', () => {
    const clinical = caseTabsFor('clinician').filter((t) => t.group === 'clinical');
    expect(clinical.at(-1)?.id).toBe('safe-home');
    expect(caseTab('safe-home')).toMatchObject({ label: 'Safe Home', group: 'clinical', order: 39 });
  });

  it('forgets synchronously, loading nothing when it was never shown', () => {
    const forget = caseTab('safe-home')?.forget;
    expect(forget).toBeTypeOf('function');
    expect(forget?.()).toBeUndefined();
  });
});
