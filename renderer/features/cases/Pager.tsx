/**
 * Previous / next paging with "Showing 51 to 100 of 10,000". The buttons stay in place (and
 * say why when they do nothing) so the keyboard focus never falls off a vanished button.
 */
export function Pager({
  label,
  offset,
  limit,
  total,
  onOffset,
}: {
  /** What is paged, for the navigation landmark, e.g. "Caseload pages". */
  label: string;
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  if (total <= limit && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const hasPrevious = offset > 0;
  const hasNext = offset + limit < total;
  const fmt = (n: number) => n.toLocaleString('en-GB');
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={!hasPrevious || undefined}
        onClick={() => hasPrevious && onOffset(Math.max(0, offset - limit))}
      >
        <span aria-hidden="true">‹ </span>Previous page
      </button>
      <p className="pager__status">
        Showing {fmt(first)} to {fmt(last)} of {fmt(total)}
      </p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={!hasNext || undefined}
        onClick={() => hasNext && onOffset(offset + limit)}
      >
        Next page<span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}
