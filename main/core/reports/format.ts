/**
 * Dates for people, the UK way (dd/mm/yyyy), in England's time zone (where the service works),
 * whatever the machine's own zone is. Shared by every report kind.
 */

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `dd/mm/yyyy` of an ISO date (or the date part of a date-time); the text itself when it is not one. */
export function ukDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function londonParts(at: Date): Record<string, string> {
  return Object.fromEntries(londonDateTime.formatToParts(at).map((p) => [p.type, p.value]));
}

/** `dd/mm/yyyy HH:mm` in London time. */
export function ukDateTime(at: Date): string {
  const p = londonParts(at);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** An ISO date stays a date; a date-time becomes London date and time. */
export function ukWhen(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return ukDate(iso);
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : ukDateTime(at);
}

/** The London calendar date (`yyyy-mm-dd`) an ISO date or date-time falls on. */
export function londonDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso.slice(0, 10);
  const p = londonParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "01/12/2026 at 09:30" (London time): when a report was produced. */
export function ukProducedAt(at: Date): string {
  const p = londonParts(at);
  return `${p.day}/${p.month}/${p.year} at ${p.hour}:${p.minute}`;
}
