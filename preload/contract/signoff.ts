/**
 * Sign-off of a report's source record (a consultation now, an assessment next): the versions
 * signed, who signed them and when, and the addenda added since. Generic over the record: the
 * core keys it by subject kind and id (`main/core/reports/signoff/`).
 */

/** One signed version of a report's source record. */
export interface SignedVersionView {
  signedVersion: number;
  signedByName: string;
  signedAt: string;
}

/** A correction added after sign-off (the signed record itself never changes). */
export interface AddendumView {
  id: string;
  text: string;
  writtenByName: string;
  writtenAt: string;
}

/** Where a record stands in sign-off: signed versions (oldest first) and addenda (oldest first). */
export interface SignoffView {
  /** Signed at least once: the record can no longer be edited, only added to by addenda. */
  locked: boolean;
  signedVersions: SignedVersionView[];
  addenda: AddendumView[];
  /** Addenda were added since the last signed version, so it can be signed again with them. */
  canSignAgain: boolean;
}
