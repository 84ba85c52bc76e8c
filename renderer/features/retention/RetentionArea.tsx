/**
 * The Records retention area (administrators): closed cases due for review now or within a
 * chosen number of months, by review date, paged; a reference opens that case's retention below
 * the list; and the tombstones of cases already disposed of.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Page, SessionUser } from '../../../preload/contract';
import type { RetentionItemView, TombstoneView } from '../../../preload/contract/retention';
import { FormError } from '../../components/FormError';
import { Pager, totalWords } from '../../components/Pager';
import { SelectField } from '../../components/fields';
import { call, errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { RetentionDetail } from './RetentionDetail';
import { WITHIN_CHOICES, endedLabel, standing, type WithinChoice } from './retention-labels';
import styles from './Retention.module.css';

const LIMIT = 25;

function ReviewTable({
  page,
  order,
  onOrder,
  onOpen,
}: {
  page: Page<RetentionItemView>;
  order: 'asc' | 'desc';
  onOrder: () => void;
  onOpen: (caseId: string) => void;
}) {
  if (page.total === 0)
    return <p className="empty-state">No closed case or declined referral is due for review in this period.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className="table" aria-label="Cases due for review">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Care ended</th>
            <th scope="col" aria-sort={order === 'asc' ? 'ascending' : 'descending'}>
              <button type="button" className={styles.sortButton} onClick={onOrder}>
                Review date
                <span aria-hidden="true">{order === 'asc' ? ' ▲' : ' ▼'}</span>
              </button>
            </th>
            <th scope="col">Where it stands</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((item) => (
            <tr key={item.caseId}>
              <td>
                <button type="button" className={styles.linkButton} onClick={() => onOpen(item.caseId)}>
                  {item.reference}
                </button>
                {item.careExperienced && <span className={styles.tag}> Care-experienced</span>}
              </td>
              <td>
                {formatDate(item.closedOn)} ({endedLabel(item)})
              </td>
              <td>
                {formatDate(item.reviewDate)}
                {item.dateOfBirthUnknown && <span className="visually-hidden"> (date of birth unknown)</span>}
                {item.dateOfBirthUnknown && <span aria-hidden="true"> *</span>}
              </td>
              <td>{standing(item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A cell's column name, seen only where the table becomes one card a row (narrow windows), where
 * the column headers are hidden; screen readers read the headers instead, so it is aria-hidden.
 */
function CardLabel({ children }: { children: string }) {
  return (
    <span className={styles.cardLabel} aria-hidden="true">
      {children}:{' '}
    </span>
  );
}

function Tombstones({
  page,
  headingRef,
}: {
  page: Page<TombstoneView> | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <section aria-labelledby="tombstones-heading" className="section">
      <h2 id="tombstones-heading" tabIndex={-1} ref={headingRef}>
        Disposed cases
      </h2>
      <p>What is kept of a case once disposed of: its reference, dates and who approved it. No names, no records.</p>
      {page && page.total === 0 && <p className="empty-state">No case has been disposed of.</p>}
      {page && page.total > 0 && (
        <div className={styles.tableWrap}>
          <table className="table" aria-label="Disposed cases" data-testid="tombstones">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Referred</th>
                <th scope="col">Closed</th>
                <th scope="col">Review date</th>
                <th scope="col">Proposed</th>
                <th scope="col">Approved</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((t) => (
                <tr key={t.id}>
                  <td>{t.reference}</td>
                  <td>
                    <CardLabel>Referred</CardLabel>
                    {formatDate(t.referralDate)}
                  </td>
                  <td>
                    <CardLabel>Closed</CardLabel>
                    {formatDate(t.closedOn)}
                  </td>
                  <td>
                    <CardLabel>Review date</CardLabel>
                    {formatDate(t.reviewDate)}
                  </td>
                  <td>
                    <CardLabel>Proposed</CardLabel>
                    {t.proposedByName}, {formatDateTime(t.proposedAt)}
                  </td>
                  <td>
                    <CardLabel>Approved</CardLabel>
                    {t.approvedByName}, {formatDateTime(t.approvedAt)}
                  </td>
                  <td>
                    <CardLabel>Reason</CardLabel>
                    {t.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function RetentionArea({ currentUser }: { currentUser: SessionUser }) {
  const [within, setWithin] = useState<WithinChoice>('6');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<RetentionItemView> | null>(null);
  const [tombstones, setTombstones] = useState<Page<TombstoneView> | null>(null);
  const [openCase, setOpenCase] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const tombstonesHeading = useRef<HTMLHeadingElement>(null);

  const fetchBoth = useCallback(
    () =>
      Promise.all([
        call('retention:list', { withinMonths: Number(within), order, offset, limit: LIMIT }),
        call('tombstone:list', { offset: 0, limit: 50 }),
      ]),
    [within, order, offset],
  );

  useEffect(() => {
    let live = true;
    fetchBoth().then(
      ([list, gone]) => {
        if (!live) return;
        setFailure(null);
        setPage(list);
        setTombstones(gone);
      },
      (err: unknown) => live && setFailure(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [fetchBoth]);

  async function reload() {
    try {
      const [list, gone] = await fetchBoth();
      setFailure(null);
      setPage(list);
      setTombstones(gone);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }

  async function disposed() {
    setOpenCase(null);
    await reload();
    tombstonesHeading.current?.focus();
  }

  return (
    <>
      <p className="lead">
        Closed cases and declined referrals come up for review on the latest date the retention rules give. Nothing is
        deleted automatically: a disposal is proposed by one administrator and approved by another with their password.
        A care-experienced young person&rsquo;s records also need a documented check first.
      </p>
      <section aria-labelledby="review-heading" className="section">
        <h2 id="review-heading">Due for review</h2>
        <div className={styles.controls}>
          <SelectField
            id="retention-within"
            label="Show"
            value={within}
            onValueChange={(v) => {
              setWithin(v);
              setOffset(0);
            }}
            options={WITHIN_CHOICES}
          />
        </div>
        <FormError id="retention-error">{failure}</FormError>
        <div role="status" data-testid="retention-count">
          {page &&
            `${totalWords(page.total, page.moreThan, { sentenceStart: true })} ${page.total === 1 && !page.moreThan ? 'case' : 'cases'}`}
        </div>
        {page && (
          <ReviewTable
            page={page}
            order={order}
            onOrder={() => {
              setOrder(order === 'asc' ? 'desc' : 'asc');
              setOffset(0);
            }}
            onOpen={setOpenCase}
          />
        )}
        {page?.items.some((i) => i.dateOfBirthUnknown) && (
          <p>* Date of birth not recorded: the review date assumes the latest birth the age at referral allows.</p>
        )}
        {page && (
          <Pager
            label="Review list pages"
            offset={offset}
            limit={LIMIT}
            total={page.total}
            moreThan={page.moreThan}
            onOffset={setOffset}
          />
        )}
      </section>
      {openCase && (
        <RetentionDetail
          key={openCase}
          caseId={openCase}
          currentUser={currentUser}
          onChanged={() => void reload()}
          onDisposed={() => void disposed()}
          onClose={() => setOpenCase(null)}
        />
      )}
      <Tombstones page={tombstones} headingRef={tombstonesHeading} />
    </>
  );
}
