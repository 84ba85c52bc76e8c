/**
 * Where a report is downloaded from. Report bytes never travel over IPC: the core produces the
 * report (and audits the export) when the page's own origin is asked for
 * `reports/<caseId>/<kind>.<pdf|docx>` (app:// in Electron, which offers the save dialog; the
 * browser host needs its per-launch token in the query).
 */
export type ReportFormat = 'pdf' | 'docx';

export function reportUrl(caseId: string, kind: string, format: ReportFormat): string {
  const token = window.api?.transportToken;
  const path = `reports/${encodeURIComponent(caseId)}/${encodeURIComponent(kind)}.${format}`;
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}
