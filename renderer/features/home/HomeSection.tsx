/**
 * The frame of one Home section: a heading with its count, the list or its honest empty state,
 * "and N more" when the list was cut at 50, and a button to the full list.
 */
import type { ReactNode } from 'react';
import type { HomeCaseRef } from '../../../preload/contract';
import { TAB_WORDS, openCaseFromHome, type FullList, type HomeCaseTab } from './home-links';
import { moreWords } from './home-words';
import styles from './Home.module.css';

export function HomeSection(props: {
  id: string;
  title: string;
  count: number;
  /** Said above the list: what the section counts (e.g. the due-soon window). */
  note?: ReactNode;
  full: FullList;
  children: ReactNode;
}) {
  const headingId = `home-${props.id}-heading`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={`home-${props.id}`}>
      <h2 id={headingId} className={styles.heading}>
        {props.title} <span className={styles.count}>({props.count})</span>
      </h2>
      {props.note && <p className={styles.note}>{props.note}</p>}
      {props.children}
      <button type="button" className={`button button--secondary ${styles.full}`} onClick={props.full.go}>
        {props.full.label}
      </button>
    </section>
  );
}

/** A list of items, or the sentence that says there are none. */
export function HomeList<T>(props: {
  label: string;
  items: readonly T[];
  total: number;
  empty: string;
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
}) {
  if (props.total === 0) return <p className={styles.empty}>{props.empty}</p>;
  const more = moreWords(props.items.length, props.total);
  return (
    <>
      <ul className={styles.list} aria-label={props.label}>
        {props.items.map((item) => (
          <li key={props.keyOf(item)} className={styles.item}>
            {props.render(item)}
          </li>
        ))}
      </ul>
      {more && <p className={styles.more}>{more}</p>}
    </>
  );
}

/** The case's reference and young person, a link that opens the case on `tab`. */
export function CaseLink({ item, tab }: { item: HomeCaseRef; tab: HomeCaseTab }) {
  return (
    <a
      className={styles.caseLink}
      href={`#case-${item.reference}`}
      onClick={(e) => {
        e.preventDefault();
        openCaseFromHome(item.caseId, tab);
      }}
    >
      <span className={styles.reference}>{item.reference}</span> {item.youngPersonName}
      <span className="visually-hidden"> ({TAB_WORDS[tab]})</span>
    </a>
  );
}
