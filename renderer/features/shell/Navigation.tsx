import { useState, type KeyboardEvent } from 'react';
import type { Role } from '../../../preload/contract';
import { goToArea, useShellStore } from '../../stores/shell';
import { areasFor } from './area-registry';
import styles from './Navigation.module.css';

/**
 * The main navigation. The active area is marked with aria-current="page". On a narrow window
 * (or at 200 % zoom) the list folds behind a "Menu" button, so that the area itself, not nine
 * links, fills the first screen; the CSS decides when the button shows, the button whether the
 * folded list is open. Escape closes it and puts focus back on the button.
 */
export function Navigation({ role }: { role: Role }) {
  const area = useShellStore((s) => s.area);
  const [open, setOpen] = useState(false);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    document.getElementById('main-nav-toggle')?.focus();
  }

  return (
    <nav className={open ? `${styles.nav} ${styles.open}` : styles.nav} aria-label="Main" onKeyDown={onKeyDown}>
      <button
        type="button"
        id="main-nav-toggle"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <ul className={styles.list} id="main-nav-list">
        {areasFor(role).map((a) => (
          <li key={a.id} className={a.separate ? styles.separate : undefined}>
            <a
              href={`#${a.id}`}
              className={styles.link}
              aria-current={a.id === area ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                setOpen(false);
                goToArea(a.id);
              }}
            >
              {a.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
