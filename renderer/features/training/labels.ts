/** How the Training area writes confidence averages. */

/** An average to one decimal place ("6.5"); an em dash when not recorded. */
export function average(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}
