/**
 * What other areas use from Sharing. The case page can add "Share this case" with
 * `openSendCase(caseId)` (opens Send a case with the case chosen), and show a case's bundle
 * conflicts with `<BundleConflicts caseId canChange />`.
 */
export { openSendCase } from '../../stores/sharing';
export { BundleConflicts } from './BundleConflicts';
export { SendCase } from './SendCase';
export { SharingArea } from './SharingArea';
