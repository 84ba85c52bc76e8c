import type { Role } from '../../../preload/contract';
import { AREAS, useShellStore, type Area } from '../../stores/shell';
import { AREA_INFO, canSee } from './areas';

/** The left navigation. The active area is marked with aria-current="page". */
export function Navigation({ role }: { role: Role }) {
  const area = useShellStore((s) => s.area);
  const select = (next: Area) => useShellStore.setState({ area: next });
  return (
    <nav className="sidenav" aria-label="Main">
      <ul className="sidenav__list">
        {AREAS.filter((a) => canSee(a, role)).map((a) => (
          <li key={a}>
            <a
              href={`#${a}`}
              className="sidenav__link"
              aria-current={a === area ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                select(a);
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
