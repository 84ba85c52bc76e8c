/**
 * The subject access request's addresses: the download (`reports/...`) and the in-app preview
 * (`report-preview/...`) of kind `subject-access`, for the young person or one carer
 * (`person=<id>`), as the requester's copy or the reviewer's (`reviewer=1`). The core produces
 * and audits the copy when the address is fetched; nothing travels over IPC.
 */
export interface SubjectAccessChoice {
  /** Absent: the young person's records. */
  personId?: string;
  reviewerCopy: boolean;
}

export function subjectAccessUrl(
  route: 'reports' | 'report-preview',
  caseId: string,
  format: 'pdf' | 'docx',
  choice: SubjectAccessChoice,
): string {
  const params = new URLSearchParams();
  const token = window.api?.transportToken;
  if (token) params.set('token', token);
  if (choice.personId) params.set('person', choice.personId);
  if (choice.reviewerCopy) params.set('reviewer', '1');
  const query = params.toString();
  const path = `${route}/${encodeURIComponent(caseId)}/subject-access.${format}`;
  return query ? `${path}?${query}` : path;
}
