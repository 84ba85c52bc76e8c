/**
 * Client-side checks that use the contract's own zod schemas, so a form says exactly what the
 * core would reject, before the round trip. The core validates again regardless.
 */
import type { z } from 'zod';
import { MIN_PASSWORD_LENGTH, displayNameSchema, passwordSchema, usernameSchema } from '../../preload/contract/common';

function firstIssue(schema: z.ZodType, value: string): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Check this field.');
}

export function checkDisplayName(value: string): string | null {
  return value.trim() ? firstIssue(displayNameSchema, value) : 'Enter a name.';
}

export function checkUsername(value: string): string | null {
  if (!value.trim()) return 'Enter a user name.';
  return firstIssue(usernameSchema, value)
    ? 'Use 2 to 32 characters: lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.'
    : null;
}

/** `minimum` is the machine policy's (stores/machine-policy.ts); never below the app's own. */
export function checkNewPassword(value: string, minimum: number = MIN_PASSWORD_LENGTH): string | null {
  if (!value) return 'Enter a password.';
  const least = Math.max(minimum, MIN_PASSWORD_LENGTH);
  if (value.length < least) {
    return `The password must be at least ${least} characters. It has ${value.length}.`;
  }
  return firstIssue(passwordSchema, value);
}

export function checkConfirmation(password: string, confirmation: string): string | null {
  if (!confirmation) return 'Enter the password again.';
  return password === confirmation ? null : 'The two passwords do not match.';
}

/** The hint under a new password's field, with the minimum in force. */
export function passwordHint(minimum: number = MIN_PASSWORD_LENGTH): string {
  return `At least ${Math.max(minimum, MIN_PASSWORD_LENGTH)} characters. A short sentence you will remember works well, e.g. four or five unrelated words.`;
}

/** True when the object of field errors has none. */
export function noErrors(errors: Record<string, string | null>): boolean {
  return Object.values(errors).every((e) => e === null);
}
