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

/** Today in the laptop's time zone, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; the calendar knows the leap years.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why `text` is not a date parseUkDate accepts, in words a clinician can act on. A typing slip
 * in the shape keeps the format hint; a well-shaped date that does not exist says so, and why
 * ("31/02/2011 is not a real date: February 2011 has 28 days."), because the format hint alone
 * sends them looking for a mistake in the format they did not make.
 * `example` is a date in the format that fits the field (a date of birth reads better as 2010).
 */
export function explainBadUkDate(text: string, what: string, example = '04/03/2025'): string {
  const shown = text.trim();
  const formatHint = `Enter the ${what} as dd/mm/yyyy, for example ${example}.`;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(shown);
  if (!m) return formatHint;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000)
    return `${shown} is not a real date: the year ${m[3]} is too early. Enter the year in full, for example ${example.slice(-4)}.`;
  if (month < 1 || month > 12) {
    // 03/25/2025 is most likely month first, as American forms ask.
    const dayFirst = day >= 1 && day <= 12 && month <= 31 ? ' Dates are day first: dd/mm/yyyy.' : '';
    return `${shown} is not a real date: there are only 12 months.${dayFirst}`;
  }
  if (day < 1) return `${shown} is not a real date: the first day of a month is 01.`;
  const days = daysInMonth(year, month);
  if (day > days) {
    // February's length depends on the year, so name the year; the other months do not need it.
    const monthName = month === 2 ? `February ${year}` : MONTH_NAMES[month - 1];
    return `${shown} is not a real date: ${monthName} has ${days} days.`;
  }
  return formatHint;
}

/** The error for a dd/mm/yyyy field, or null: "Enter the ..." when required and empty. */
export function checkUkDate(text: string, what: string, required: boolean): string | null {
  if (!text.trim()) return required ? `Enter the ${what}.` : null;
  return parseUkDate(text) ? null : explainBadUkDate(text, what);
}
