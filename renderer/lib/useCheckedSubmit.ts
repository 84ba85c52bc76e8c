import { useState, type FormEvent } from 'react';
import { errorMessage } from './api';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';
import { noErrors } from './validation';

/** Each field's error by name, or null when it is fine. */
export type FieldErrors<K extends string> = Record<K, string | null>;

/**
 * The submit of a form that leaves its screen when it succeeds (first run, recovery): check
 * every field, show the errors and move focus to the first invalid field, else send once. A
 * failed send shows the core's message above the form and lets the user try again; a
 * successful one keeps `busy`, because the next screen replaces this one.
 */
export function useCheckedSubmit<K extends string>(check: () => FieldErrors<K>, send: () => Promise<void>) {
  const [errors, setErrors] = useState<Partial<FieldErrors<K>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    setFormError(null);
    if (!noErrors(found)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await send();
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return { errors, formError, busy, formRef, submit };
}
