import styles from './SubNav.module.css';

/** One view of an area's own navigation. */
export interface SubNavItem<V extends string> {
  view: V;
  label: string;
}

/**
 * An area's own navigation between its views (the caseload and my tasks; the four views of
 * Sharing): links, the current one marked with aria-current and a bar under it (not colour
 * alone). Choosing one calls `onChoose`; the link's href names the view for a new tab.
 */
export function SubNav<V extends string>({
  label,
  items,
  current,
  onChoose,
  className,
}: {
  label: string;
  items: readonly SubNavItem<V>[];
  current: V | null;
  onChoose: (view: V) => void;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.view}>
            <a
              href={`#${item.view}`}
              className={styles.link}
              aria-current={item.view === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onChoose(item.view);
              }}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
