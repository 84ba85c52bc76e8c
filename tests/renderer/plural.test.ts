import { describe, expect, it } from 'vitest';
import { countOf, nounFor } from '../../preload/contract/plural';

describe('countOf', () => {
  it('says "1 document", never "1 documents"', () => {
    expect(countOf(1, 'document')).toBe('1 document');
    expect(countOf(0, 'document')).toBe('0 documents');
    expect(countOf(2, 'record differs', 'records differ')).toBe('2 records differ');
    expect(countOf(1, 'person', 'people')).toBe('1 person');
    expect(countOf(12480, 'case')).toBe('12,480 cases');
    expect(nounFor(1, 'entry', 'entries')).toBe('entry');
    expect(nounFor(3, 'entry', 'entries')).toBe('entries');
  });
});
