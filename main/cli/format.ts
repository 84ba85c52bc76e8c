/** Two digits, for dates and times. */
function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `dd/mm/yyyy HH:mm` in local time (UK style), or the raw text when it is not a date. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Bytes as a short human figure (MiB), for KDF memory cost. */
export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}
