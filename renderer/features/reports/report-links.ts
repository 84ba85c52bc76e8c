/**
 * Where a report is downloaded from. Report bytes never travel over IPC: the core produces the
 * report (and audits the export) when the page's own origin is asked for
 * `reports/<caseId>/<kind>.<pdf|docx>` (app:// in Electron, which offers the save dialog; the
 * browser host needs its per-launch token in the query). A report of one record (a
 * consultation) names it as `?record=<id>`; without it the core prints the newest.
 */
export type ReportFormat = 'pdf' | 'docx';

export function reportUrl(caseId: string, kind: string, format: ReportFormat, recordId?: string): string {
  const params = new URLSearchParams();
  const token = window.api?.transportToken;
  if (token) params.set('token', token);
  if (recordId) params.set('record', recordId);
  const path = `reports/${encodeURIComponent(caseId)}/${encodeURIComponent(kind)}.${format}`;
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
