/**
 * Dates typed the UK way. Forms on the case page take dd/mm/yyyy text rather than a native
 * date picker, whose format follows the laptop's locale and could show mm/dd/yyyy.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "4/3/2025" or "04/03/2025" -> "2025-03-04"; null when it is not a real date. */
export function parseUkDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2025-03-04" -> "04/03/2025"; empty for null. */
export function isoToUk(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Today in the laptop's time zone, as dd/mm/yyyy. */
export function todayUk(now = new Date()): string {
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}

/** The time now as HH:mm (24-hour). */
export function nowTime(now = new Date()): string {
  return `${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** "14:05" -> [14, 5]; null when not a real time. */
export function parseTime(text: string): [number, number] | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? [h, min] : null;
}

/** A local date and time -> ISO with the local offset (the contract needs an offset). */
export function localDateTimeIso(isoDate: string, time: [number, number]): string {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  const local = new Date(y, mo - 1, d, time[0], time[1]);
  const offsetMin = -local.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${isoDate}T${pad(time[0])}:${pad(time[1])}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The error for a required dd/mm/yyyy field, or null. */
export function checkUkDate(text: string, what: string, required: boolean): string | null {
  if (!text.trim()) return required ? `Enter the ${what}.` : null;
  return parseUkDate(text) ? null : `Enter the ${what} as dd/mm/yyyy, for example 04/03/2025.`;
}
