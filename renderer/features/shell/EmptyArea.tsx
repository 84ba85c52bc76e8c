import type { AreaDefinition } from './area-registry';

/** The body of an area that has no records yet. */
export function EmptyArea({ info }: { info: AreaDefinition }) {
  return (
    <>
      <p className="lead">{info.summary}</p>
      <div className="empty-state">
        <p>{info.empty}</p>
      </div>
    </>
  );
}
