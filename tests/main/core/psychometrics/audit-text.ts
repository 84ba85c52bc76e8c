/**
 * An audit row's detail with its record ids blanked, so a test can check that no score is in it:
 * ids are random and may contain the very digits the test looks for (one run in a few dozen did).
 */
export function withoutIds(detail: string | undefined): string {
  return (detail ?? '').replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, '<id>');
}
