import type { AreaInfo } from './areas';

/** The body of an area that has no records yet. */
export function EmptyArea({ info }: { info: AreaInfo }) {
  return (
    <>
      <p className="lead">{info.summary}</p>
      <div className="empty-state">
        <p>{info.empty}</p>
      </div>
    </>
  );
}
