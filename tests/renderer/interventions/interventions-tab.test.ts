/** The Interventions tab's registration: its place among the clinical tabs, and a forget that loads nothing. */
import { describe, expect, it } from 'vitest';
import '../../../renderer/features/assessments/assessments.contribution';
import '../../../renderer/features/attachment/attachment.contribution';
import '../../../renderer/features/psychometrics/psychometrics.contribution';
import '../../../renderer/features/interventions/interventions.contribution';
import { caseTab, caseTabsFor } from '../../../renderer/features/cases/case-page/tab-registry';

describe('the Interventions tab', () => {
  it('sits in the clinical work after Psychometrics, for every role', () => {
    const clinical = caseTabsFor('read-only')
      .filter((t) => t.group === 'clinical')
      .map((t) => t.id);
    expect(clinical).toEqual(['assessment', 'attachment', 'psychometrics', 'interventions']);
    expect(caseTab('interventions')).toMatchObject({ label: 'Interventions', group: 'clinical', order: 38 });
  });

  it('forgets synchronously, loading nothing when it was never shown', () => {
    const forget = caseTab('interventions')?.forget;
    expect(forget).toBeTypeOf('function');
    expect(forget?.()).toBeUndefined();
  });
});
