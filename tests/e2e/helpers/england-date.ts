/**
 * Dates as the app counts them: today is England's (Europe/London), and days are counted on the
 * calendar, never as 24-hour steps from now. A 24-hour step crosses a clock change and, between
 * 23:00 and midnight GMT, lands on the wrong day (session 6's clean-clone failure); the machine's
 * own zone (UTC on CI) is an hour behind London all summer.
 */
export function englandIsoDaysFromToday(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same date as dd/mm/yyyy. */
export function englandUkDaysFromToday(days = 0): string {
  const [y, m, d] = englandIsoDaysFromToday(days).split('-');
  return `${d}/${m}/${y}`;
}
