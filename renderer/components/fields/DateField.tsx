import { TextField, type TextFieldProps } from './TextField';

/** The format every date is typed in, as the hint says it unless a field says more. */
export const DATE_HINT = 'dd/mm/yyyy, for example 04/03/2025.';

/**
 * A date typed as dd/mm/yyyy (UK order; `lib/dates.ts` and `uk-date.ts` read it). A text field,
 * not `type="date"`: Chromium's date picker follows the system locale and is hard to use
 * with a screen reader, and the forms check the typed date themselves.
 */
export function DateField({ hint = DATE_HINT, ...props }: Omit<TextFieldProps, 'hint'> & { hint?: string }) {
  return <TextField autoComplete="off" {...props} hint={hint} />;
}
