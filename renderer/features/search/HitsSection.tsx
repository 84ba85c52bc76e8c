import type { ReactNode } from 'react';
import { Pager } from '../../components/Pager';
import styles from './HitsSection.module.css';

/** What every section's page has: where it starts, its size and how many there are in all. */
interface PageShape {
  offset: number;
  limit: number;
  total: number;
  /** The count stopped at `total`: there are more (preload/contract/paging.ts). */
  moreThan?: boolean;
}

export interface HitsSectionProps<P extends PageShape> {
  /** Which section: its heading's id is `search-<section>-heading`, where the jump links go. */
  section: 'cases' | 'notes' | 'documents';
  title: string;
  /** Said while this section's page is on its way ("Searching notes…"). */
  searching: string;
  page: P | null;
  loading: boolean;
  /** The count line, in bold: how many were found and by what. */
  found: (page: P) => string;
  /** A quieter line under the count: which part was searched and in what order it is listed. */
  about?: (page: P) => string | null;
  /** The pager's accessible name ("Note result pages"). */
  pagerLabel: string;
  onOffset: (offset: number) => void;
  /** The list of hits (the frame leaves it out when the page is empty). */
  children: (page: P) => ReactNode;
  /** Under the pager: the controls that reach older matches, where the section has them. */
  footer?: (page: P) => ReactNode;
}

/**
 * One section of the search results (cases, notes or documents): its heading, the count, the
 * hits and the pager. While the next page loads the previous one stays on screen, so the focus
 * stays on the pager button that asked for it.
 */
export function HitsSection<P extends PageShape & { items: readonly unknown[] }>(props: HitsSectionProps<P>) {
  const { section, title, searching, page, loading, found, about, pagerLabel, onOffset, children, footer } = props;
  const headingId = `search-${section}-heading`;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} tabIndex={-1} className={styles.heading}>
        {title}
      </h3>
      <p className={styles.count}>{loading ? searching : page ? found(page) : ''}</p>
      {page && (
        <>
          {about && !loading && <p className={styles.about}>{about(page)}</p>}
          {page.items.length > 0 && children(page)}
          <Pager
            label={pagerLabel}
            offset={page.offset}
            limit={page.limit}
            total={page.total}
            moreThan={page.moreThan}
            onOffset={onOffset}
          />
          {footer?.(page)}
        </>
      )}
    </section>
  );
}

/** The list the hits of a section sit in: numbered from the page's start, or a plain list. */
export function HitList({ start, label, children }: { start?: number; label?: string; children: ReactNode }) {
  return start === undefined ? (
    <ul className={styles.hits} aria-label={label}>
      {children}
    </ul>
  ) : (
    <ol className={styles.hits} start={start} aria-label={label}>
      {children}
    </ol>
  );
}

/**
 * One case among the hits: its reference and young person's name as the link that opens it,
 * then what matched (`children`).
 */
export function CaseHit({
  reference,
  displayName,
  href,
  onOpen,
  testId,
  children,
}: {
  reference: string;
  displayName: string;
  href: string;
  onOpen: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <li className={styles.hit} data-testid={testId}>
      <h4 className={styles.hitTitle}>
        <a
          href={href}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {reference} <span className={styles.hitName}>{displayName}</span>
        </a>
      </h4>
      {children}
    </li>
  );
}

/** The grey line under a hit's title: dates, status, how many notes matched. */
export function HitMeta({ children }: { children: ReactNode }) {
  return <p className={styles.meta}>{children}</p>;
}

/** The documents of one case among the document hits. */
export function HitDocuments({ children }: { children: ReactNode }) {
  return <ul className={styles.documents}>{children}</ul>;
}
