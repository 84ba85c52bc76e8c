import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useCasePageStore, type CaseTab } from '../../../stores/case-page';
import { groupCaseTabs, tabAfterKey, type TabSpec } from './case-tab-groups';
import { useMediaQuery } from './useMediaQuery';
import styles from './CaseTabs.module.css';

export type { TabSpec } from './case-tab-groups';

/**
 * Where the list turns from a column beside the panel into rows above it: keep equal to the
 * breakpoint in CaseTabs.module.css (1100 px, where tables start to scroll inside themselves).
 */
const COLUMN_QUERY = '(min-width: 1101px)';

/** A tab's count (e.g. open flags) after its label, included in the accessible name; none when 0. */
function TabCount({ count }: { count: NonNullable<TabSpec['count']> }) {
  const n = useCasePageStore(count);
  return n !== undefined && n > 0 ? <span className={styles.count}> ({n})</span> : null;
}

/**
 * The case page's sections: the WAI-ARIA tabs pattern, one tab list per group, each named by
 * the visible heading above it (a heading may not stand inside a tab list). The groups act as
 * one list for the keyboard: one tab stop for them all (the shown tab), and the arrow keys
 * (Up/Down and Left/Right alike), Home and End move across group boundaries and show the
 * section at once (each loads quickly from the local vault). Wide windows show the groups as
 * a column left of the panel; narrow ones as rows above it.
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
  const column = useMediaQuery(COLUMN_QUERY, true);
  const groups = groupCaseTabs(tabs);

  function onKeyDown(e: KeyboardEvent) {
    const tab = tabAfterKey(groups, active, e.key);
    if (!tab) return;
    e.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <div className={styles.tabs}>
      <div className={styles.nav}>
        {groups.map((g) => {
          const headingId = `case-tab-group-${g.group}`;
          return (
            <div key={g.group} className={styles.group}>
              <h3 id={headingId} className={styles.heading}>
                {g.heading}
              </h3>
              <div
                role="tablist"
                aria-labelledby={headingId}
                aria-orientation={column ? 'vertical' : 'horizontal'}
                className={styles.list}
                onKeyDown={onKeyDown}
              >
                {g.tabs.map((t) => (
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
            </div>
          );
        })}
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
