import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useCasePageStore, type CaseTab } from '../../../stores/case-page';
import type { CaseTabDefinition } from './tab-registry';
import styles from './CaseTabs.module.css';

/** What the tab list needs of a tab. */
export type TabSpec = Pick<CaseTabDefinition, 'id' | 'label' | 'count'>;

/** A tab's count (e.g. open flags) after its label, included in the accessible name; none when 0. */
function TabCount({ count }: { count: NonNullable<TabSpec['count']> }) {
  const n = useCasePageStore(count);
  return n !== undefined && n > 0 ? <span className="case-tabs__count"> ({n})</span> : null;
}

/**
 * The WAI-ARIA tabs pattern: one tab stop for the list; Left/Right (and Home/End) move between
 * tabs and show the section at once (each section loads quickly from the local vault).
 */
export function CaseTabs({
  tabs,
  active,
  onSelect,
  children,
}: {
  tabs: TabSpec[];
  active: CaseTab;
  onSelect: (tab: CaseTab) => void;
  children: ReactNode;
}) {
  const refs = useRef(new Map<CaseTab, HTMLButtonElement>());

  function onKeyDown(e: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.id === active);
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    e.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <div className={styles.tabs}>
      <div role="tablist" aria-label="Sections of the case" className={styles.list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`case-tab-${t.id}`}
            aria-controls={`case-panel-${t.id}`}
            aria-selected={t.id === active}
            tabIndex={t.id === active ? 0 : -1}
            className={styles.tab}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
            {t.count && <TabCount count={t.count} />}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`case-panel-${active}`}
        aria-labelledby={`case-tab-${active}`}
        tabIndex={0}
        className={styles.panel}
      >
        {children}
      </div>
    </div>
  );
}
