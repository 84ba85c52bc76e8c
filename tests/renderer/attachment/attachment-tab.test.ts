/** The Attachment tab's registration: its place among the clinical tabs, and a forget that loads nothing. */
import { describe, expect, it } from 'vitest';
import '../../../renderer/features/assessments/assessments.contribution';
import '../../../renderer/features/attachment/attachment.contribution';
import '../../../renderer/features/psychometrics/psychometrics.contribution';
import { caseTab, caseTabsFor } from '../../../renderer/features/cases/case-page/tab-registry';

describe('the Attachment tab', () => {
  it('sits in the clinical work, after the Assessment and before Psychometrics, for every role', () => {
    const clinical = caseTabsFor('read-only')
      .filter((t) => t.group === 'clinical')
      .map((t) => t.id);
    expect(clinical).toEqual(['assessment', 'attachment', 'psychometrics']);
    expect(caseTab('attachment')).toMatchObject({ label: 'Attachment', group: 'clinical', order: 36 });
  });

  it('forgets synchronously, loading nothing when it was never shown', () => {
    const forget = caseTab('attachment')?.forget;
    expect(forget).toBeTypeOf('function');
    expect(forget?.()).toBeUndefined();
  });
});
