/**
 * "About this vault": where the vault's folder is, which version of the app is running, and who
 * is signed in. Read from what the app already holds (the last vault:status), so it needs no
 * channel of its own.
 */
import { version } from '../../../package.json';
import { ROLE_LABELS } from '../../lib/roles';
import { useSessionStore } from '../../stores/session';
import { SummaryList } from '../cases/case-page/SummaryList';
import type { SettingsSectionProps } from './settings-sections';
import styles from './Settings.module.css';

export function AboutVault({ user }: SettingsSectionProps) {
  const vaultPath = useSessionStore((s) => s.status?.vaultPath ?? '');
  return (
    <SummaryList
      label="About this vault"
      rows={[
        ['Vault folder', vaultPath && <span className={styles.path}>{vaultPath}</span>],
        ['App version', `NCATS Casework ${version}`],
        ['Signed in as', `${user.displayName} (${ROLE_LABELS[user.role]})`],
      ]}
    />
  );
}
