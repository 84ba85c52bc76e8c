/**
 * The frame every labelled form control shares: label, hint and error, with ids the control
 * points at through aria-describedby (see `describedBy`), so a screen reader reads the hint and
 * the error whenever the control gains focus, not only when the error first appears.
 */
import type { ReactNode } from 'react';

/** What every field takes besides its value: its id, label, and optional hint and error. */
export interface FieldProps {
  id: string;
  label: string;
  /**
   * Help shown under the label before anything goes wrong (e.g. the date format). Usually words;
   * it may hold a short list of examples.
   */
  hint?: ReactNode;
  /** The field's error, shown and announced; the control is marked invalid while it is set. */
  error?: string | null;
}

/** The ids of the hint and error of field `id`, for the control's aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/**
 * The hint and the error paragraphs of field `id` (nothing for what is not set). `announce`
 * makes the error an alert, for an error that appears without the focus moving to it.
 */
export function FieldMessages({
  id,
  hint,
  error,
  announce,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | null;
  announce?: boolean;
}) {
  return (
    <>
      {hint &&
        (typeof hint === 'string' ? (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : (
          <div className="field__hint" id={`${id}-hint`}>
            {hint}
          </div>
        ))}
      {error && (
        <p className="field__error" id={`${id}-error`} role={announce ? 'alert' : undefined}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

/** Label, hint and error above the control (`children`); `after` goes under it. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  inline,
  children,
  after,
}: FieldProps & {
  /** Sits beside its neighbours in a row of filters rather than taking the full width. */
  inline?: boolean;
  children: ReactNode;
  after?: ReactNode;
}) {
  const classes = ['field', inline ? 'field--inline' : null, error ? 'field--error' : null].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
      {after}
    </div>
  );
}

/** The attributes that tie a control to its frame: invalid while in error, and described. */
export function controlProps({ id, hint, error }: FieldProps) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}
