import { AppError } from '../errors';

/** Why a bundle was refused; tests and the CLI match on this rather than on wording. */
export type BundleProblem =
  | 'not-a-bundle'
  | 'wrong-key'
  | 'damaged'
  | 'truncated'
  | 'unsafe-entry'
  | 'tampered'
  | 'bad-signature'
  | 'unknown-format'
  | 'too-large'
  | 'invalid-record'
  | 'sender-not-accepted'
  | 'sender-revoked'
  | 'wrong-case';

/**
 * A bundle that cannot be trusted or used. The message is plain English for the person
 * importing; the vault is never changed when one of these is thrown.
 */
export class BundleError extends AppError {
  constructor(
    readonly problem: BundleProblem,
    message: string,
  ) {
    super('BUNDLE_REJECTED', message);
    this.name = 'BundleError';
  }
}
