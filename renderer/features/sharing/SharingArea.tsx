import { useEffect, useRef } from 'react';
import type { Role } from '../../../preload/contract';
import { showSharingView, SHARING_VIEWS, useSharingStore, type SharingView } from '../../stores/sharing';
import { Colleagues } from './Colleagues';
import { MyKeyCard } from './MyKeyCard';
import { ReceiveCase } from './ReceiveCase';
import { SendCase } from './SendCase';
import styles from './SharingArea.module.css';
import { SubNav } from '../../components/SubNav';

export const SHARING_TITLES: Record<SharingView, string> = {
  card: 'My key card',
  colleagues: 'Colleagues',
  send: 'Send a case',
  receive: 'Receive a case',
};

/**
 * The Sharing area: your key card, the colleague directory, and sending and receiving cases
 * as encrypted bundles. Read-only users see their card and the directory only.
 */
export function SharingArea({ role }: { role: Role }) {
  const stored = useSharingStore((s) => s.view);
  const visit = useSharingStore((s) => s.visit);
  const firstVisit = useRef(visit);
  const canChange = role !== 'read-only';
  const views = SHARING_VIEWS.filter((v) => canChange || v === 'card' || v === 'colleagues');
  const view = views.includes(stored) ? stored : 'card';

  useEffect(() => {
    if (visit === firstVisit.current) return;
    document.getElementById('sharing-view-heading')?.focus();
  }, [visit]);

  return (
    <div className={styles.area}>
      <SubNav
        label="Sharing"
        className={styles.nav}
        items={views.map((v) => ({ view: v, label: SHARING_TITLES[v] }))}
        current={view}
        onChoose={showSharingView}
      />
      <h2 id="sharing-view-heading" tabIndex={-1} className="view-heading">
        {SHARING_TITLES[view]}
      </h2>
      {view === 'card' && <MyKeyCard />}
      {view === 'colleagues' && <Colleagues canChange={canChange} />}
      {view === 'send' && <SendCase />}
      {view === 'receive' && <ReceiveCase />}
    </div>
  );
}
