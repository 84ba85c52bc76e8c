/** Previous/next for a paged list, with where we are in words. */
export function Pager(props: {
  label: string;
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}) {
  const { label, offset, limit, total, onPage } = props;
  if (total <= limit) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="case-pager" aria-label={label}>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - limit))}
      >
        Newer
      </button>
      <span className="case-pager__where">
        {from} to {to} of {total}
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={to >= total}
        onClick={() => onPage(offset + limit)}
      >
        Older
      </button>
    </nav>
  );
}
