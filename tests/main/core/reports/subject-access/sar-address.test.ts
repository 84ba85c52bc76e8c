/** The report address's subject access options: `?person=<id>` once and `?reviewer=1`. */
import { describe, expect, it } from 'vitest';
import { parseReportAddress } from '../../../../../main/core/reports/report-routes';

const caseId = '6f1c2b3a-1111-4222-8333-444455556666';
const personId = '0a1b2c3d-1111-4222-8333-444455556666';
const parse = (query: string) => parseReportAddress(`${caseId}/subject-access.pdf`, new URLSearchParams(query));

describe('the subject access request’s address', () => {
  it('takes a person and the reviewer’s copy', () => {
    expect(parse(`person=${personId}&reviewer=1`)).toEqual({
      caseId,
      kind: 'subject-access',
      format: 'pdf',
      personId,
      reviewerCopy: true,
    });
    expect(parse('')).toEqual({ caseId, kind: 'subject-access', format: 'pdf' });
  });

  it('refuses a person given twice or not an id, and a reviewer flag that is not 1', () => {
    expect(() => parse(`person=${personId}&person=${personId}`)).toThrow('A report is for one person: name them once.');
    expect(() => parse('person=Poppy')).toThrow('That is not a person id');
    expect(() => parse('reviewer=yes')).toThrow('Ask for the reviewer’s copy as reviewer=1, once.');
    expect(() => parse('reviewer=1&reviewer=1')).toThrow('Ask for the reviewer’s copy as reviewer=1, once.');
  });
});
