import { DMM_TIER_LABELS, type DmmTierOrFlag } from '../../../preload/contract/dmm';
import styles from './TierBadge.module.css';

const TIER_CLASS: Record<DmmTierOrFlag, string | undefined> = {
  normative: styles.normative,
  elevated: styles.elevated,
  high: styles.high,
  flag: styles.flag,
};

/** What the badge says, in words: "Risk tier: High", "Not classified", "Not coded yet". */
export function tierWords(tier: DmmTierOrFlag | null): string {
  if (tier === null) return 'Not coded yet';
  if (tier === 'flag') return DMM_TIER_LABELS.flag;
  return `Risk tier: ${DMM_TIER_LABELS[tier]}`;
}

/**
 * A procedure's risk tier. The words carry the meaning; the colour and the mark before them
 * (none, one bar, two bars) only repeat it, so it reads the same in greyscale or to a screen reader.
 */
export function TierBadge({ tier }: { tier: DmmTierOrFlag | null }) {
  const look = tier === null ? styles.uncoded : TIER_CLASS[tier];
  return <span className={`${styles.badge} ${look ?? ''}`}>{tierWords(tier)}</span>;
}
