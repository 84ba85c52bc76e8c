import { useState, type KeyboardEvent } from 'react';
import type { Role } from '../../../preload/contract';
import { goToArea, useShellStore } from '../../stores/shell';
import { areasFor } from './area-registry';

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
    <nav className={open ? 'sidenav sidenav--open' : 'sidenav'} aria-label="Main" onKeyDown={onKeyDown}>
      <button
        type="button"
        id="main-nav-toggle"
        className="sidenav__toggle"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <ul className="sidenav__list" id="main-nav-list">
        {areasFor(role).map((a) => (
          <li key={a.id} className={a.separate ? 'sidenav__item--separate' : undefined}>
            <a
              href={`#${a.id}`}
              className="sidenav__link"
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
