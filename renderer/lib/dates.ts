/**
 * Dates as UK clinicians write them: dd/mm/yyyy, and dd/mm/yyyy HH:mm (24-hour clock).
 * Formatted by hand rather than with Intl so the output never depends on the laptop's locale.
 * Times are shown in the laptop's local time zone (Europe/London on trust machines).
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parse(iso: string): Date | null {
  // A bare calendar date (yyyy-mm-dd) is a date, not midnight UTC: read it as local, so a date
  // of birth never shows as the day before.
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** ISO date or timestamp -> dd/mm/yyyy; an empty string for anything unreadable. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parse(iso);
  if (!d) return '';
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** ISO timestamp -> dd/mm/yyyy HH:mm; an empty string for anything unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parse(iso);
  if (!d) return '';
  return `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A duration in words, e.g. "10 minutes", "1 minute", "30 seconds". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.round(minutes / 6) / 10;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
