/**
 * The Training area's list of events: a filter (sector, and a period the first day falls in),
 * then the events newest first with their organisation, sector, delivery, attendees and the
 * confidence averages before and after, paged. A title opens the event's form.
 */
import { useState, type FormEvent } from 'react';
import { TRAINING_DELIVERY_LABELS, TRAINING_SECTOR_LABELS, type TrainingSector } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { Pager } from '../../components/Pager';
import { DateField, SelectField, optionsOf } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';
import { formatDate } from '../../lib/dates';
import { average } from './labels';
import { filterEvents, pageEvents, show } from './training-actions';
import { NO_FILTER, useTrainingStore } from './training-store';
import styles from './Training.module.css';

type SectorChoice = TrainingSector | 'all';
const SECTOR_CHOICES = [{ value: 'all' as const, label: 'All sectors' }, ...optionsOf(TRAINING_SECTOR_LABELS)];

function Confidence({ pre, post }: { pre: number | null; post: number | null }) {
  if (pre === null && post === null) return <span>Not recorded</span>;
  return (
    <span className={styles.confidence}>
      <span className="visually-hidden">Before </span>
      {average(pre)}
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden">, after </span>
      {average(post)}
    </span>
  );
}

function EventsFilter() {
  const filter = useTrainingStore((s) => s.filter);
  const [sector, setSector] = useState<SectorChoice>(filter.sector ?? 'all');
  const [from, setFrom] = useState(isoToUk(filter.from));
  const [to, setTo] = useState(isoToUk(filter.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function apply(e?: FormEvent) {
    e?.preventDefault();
    const found = {
      from: checkUkDate(from, 'start of the period', false) ?? undefined,
      to: checkUkDate(to, 'end of the period', false) ?? undefined,
    };
    const fromIso = from.trim() ? parseUkDate(from) : null;
    const toIso = to.trim() ? parseUkDate(to) : null;
    if (!found.to && fromIso && toIso && toIso < fromIso)
      found.to = 'The end of the period cannot be before its start.';
    setErrors(found);
    if (found.from || found.to) return;
    try {
      setFailure(null);
      await filterEvents({ sector: sector === 'all' ? null : sector, from: fromIso, to: toIso });
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }

  async function clear() {
    setSector('all');
    setFrom('');
    setTo('');
    setErrors({});
    await filterEvents(NO_FILTER).catch((err: unknown) => setFailure(errorMessage(err)));
  }

  return (
    <form className={styles.filter} onSubmit={apply} noValidate aria-label="Filter training events">
      <FormError id="training-filter-error">{failure}</FormError>
      <div className={styles.filterFields}>
        <SelectField
          id="training-filter-sector"
          label="Sector"
          value={sector}
          onValueChange={setSector}
          options={SECTOR_CHOICES}
          inline
        />
        <DateField
          id="training-filter-from"
          label="From"
          value={from}
          onValueChange={setFrom}
          error={errors.from}
          inputClassName="field__input--date"
        />
        <DateField
          id="training-filter-to"
          label="To"
          value={to}
          onValueChange={setTo}
          error={errors.to}
          inputClassName="field__input--date"
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          Show events
        </button>
        <button type="button" className="button button--secondary" onClick={() => void clear()}>
          Clear filter
        </button>
      </div>
    </form>
  );
}

export function EventsList({ canWrite }: { canWrite: boolean }) {
  const page = useTrainingStore((s) => s.events);
  const filtered = useTrainingStore((s) => s.filter.sector !== null || s.filter.from !== null || s.filter.to !== null);
  return (
    <section aria-labelledby="training-events-heading" className="section">
      <div className={styles.sectionHead}>
        <h2 id="training-events-heading">Training events</h2>
        {canWrite && (
          <button type="button" className="button" onClick={() => show({ kind: 'event', eventId: null })}>
            Record an event
          </button>
        )}
      </div>
      <EventsFilter />
      {page && page.total === 0 && (
        <p className="empty-state">
          {filtered ? 'No training events match this filter.' : 'No training events yet. Record the first one.'}
        </p>
      )}
      {page && page.total > 0 && (
        <>
          <div className={styles.tableWrap} role="region" aria-label="Training events table" tabIndex={0}>
            <table className="table" data-testid="training-events-table">
              <caption className="visually-hidden">Training events, most recent first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className={styles.eventColumn}>
                    Event
                  </th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Sector</th>
                  <th scope="col">Delivery</th>
                  <th scope="col" className={styles.number}>
                    Attendees
                  </th>
                  <th scope="col">Confidence before → after</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <span className={styles.nowrap}>{formatDate(e.startDate)}</span>
                      {e.endDate !== e.startDate && (
                        <>
                          {' to '}
                          <span className={styles.nowrap}>{formatDate(e.endDate)}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <a
                        href={`#training-event-${e.id}`}
                        onClick={(ev) => {
                          ev.preventDefault();
                          show({ kind: 'event', eventId: e.id });
                        }}
                      >
                        {e.title}
                      </a>
                      {e.packageTitle !== e.title && <span className={styles.secondary}>{e.packageTitle}</span>}
                    </td>
                    <td>{e.organisation}</td>
                    <td>{TRAINING_SECTOR_LABELS[e.sector]}</td>
                    <td>{TRAINING_DELIVERY_LABELS[e.delivery]}</td>
                    <td className={styles.number}>{e.attendees.toLocaleString('en-GB')}</td>
                    <td>
                      <Confidence pre={e.preConfidence} post={e.postConfidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label="Training event pages"
            offset={page.offset}
            limit={page.limit}
            total={page.total}
            moreThan={page.moreThan}
            onOffset={(o) => void pageEvents(o)}
          />
        </>
      )}
    </section>
  );
}
