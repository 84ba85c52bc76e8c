import type { Role } from '../../../preload/contract';
import { AREAS, goToArea, useShellStore } from '../../stores/shell';
import { AREA_INFO, canSee } from './areas';

/** The left navigation. The active area is marked with aria-current="page". */
export function Navigation({ role }: { role: Role }) {
  const area = useShellStore((s) => s.area);
  return (
    <nav className="sidenav" aria-label="Main">
      <ul className="sidenav__list">
        {AREAS.filter((a) => canSee(a, role)).map((a) => (
          // Administration is not clinical work: set it apart from the clinical areas.
          <li key={a} className={a === 'administration' ? 'sidenav__item--separate' : undefined}>
            <a
              href={`#${a}`}
              className="sidenav__link"
              aria-current={a === area ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                goToArea(a);
              }}
            >
              {AREA_INFO[a].label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
