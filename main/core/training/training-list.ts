/**
 * The Training area's list: events newest first (by first day, ties by id), of one sector and
 * within a period when asked, removed events left out. Both orders walk a partial index
 * (`training_events_listed`, or `training_events_sector` for one sector) so a page reads only
 * its own rows, whatever the year holds.
 */
import type { ChannelParsedInput } from '../../../preload/contract';
import type { Page } from '../../../preload/contract/paging';
import type { TrainingEventListItem, TrainingSector } from '../../../preload/contract/training-records';
import type { Db } from '../db/connection';
import { boundedTotal } from '../db/bounded-count';
import { stmt } from '../db/statements';
import type { OpenVault } from '../vault/vault';
import { fromTenths } from './training.records';

export type TrainingListQuery = ChannelParsedInput<'trainingEvent:list'>;

interface ListRow {
  id: string;
  title: string;
  package_title: string;
  organisation: string;
  sector: TrainingSector;
  start_date: string;
  end_date: string;
  delivery: TrainingEventListItem['delivery'];
  attendees: number;
  pre_confidence: number | null;
  post_confidence: number | null;
}

/** The WHERE clause of a filter, with its named parameters (exported so a test can read its plan). */
export function trainingListWhere(q: Pick<TrainingListQuery, 'sector' | 'from' | 'to'>): {
  where: string;
  params: Record<string, string>;
} {
  const parts = ['e.removed_at IS NULL'];
  const params: Record<string, string> = {};
  if (q.sector !== null) {
    parts.push('e.sector = @sector');
    params.sector = q.sector;
  }
  if (q.from !== null) {
    parts.push('e.start_date >= @from');
    params.from = q.from;
  }
  if (q.to !== null) {
    parts.push('e.start_date <= @to');
    params.to = q.to;
  }
  return { where: parts.join(' AND '), params };
}

export function trainingListSql(q: Pick<TrainingListQuery, 'sector' | 'from' | 'to'>): {
  page: string;
  countRows: string;
} {
  const { where } = trainingListWhere(q);
  const index = q.sector === null ? 'training_events_listed' : 'training_events_sector';
  return {
    page: `SELECT e.id, e.title, p.title AS package_title, e.organisation, e.sector, e.start_date, e.end_date,
                  e.delivery, e.attendees, e.pre_confidence, e.post_confidence
             FROM (SELECT e.id FROM training_events e INDEXED BY ${index}
                    WHERE ${where} ORDER BY e.start_date DESC, e.id LIMIT @limit OFFSET @offset) pg
             CROSS JOIN training_events e ON e.id = pg.id
             JOIN training_packages p ON p.id = e.package_id
            ORDER BY e.start_date DESC, e.id`,
    countRows: `SELECT 1 FROM training_events e INDEXED BY ${index} WHERE ${where}`,
  };
}

export function queryTrainingList(db: Db, q: TrainingListQuery): Page<TrainingEventListItem> {
  const sql = trainingListSql(q);
  const { params } = trainingListWhere(q);
  const rows = stmt(db, sql.page).all({ ...params, limit: q.limit, offset: q.offset }) as ListRow[];
  const counted = boundedTotal(db, sql.countRows, params, q);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      packageTitle: r.package_title,
      organisation: r.organisation,
      sector: r.sector,
      startDate: r.start_date,
      endDate: r.end_date,
      delivery: r.delivery,
      attendees: r.attendees,
      preConfidence: fromTenths(r.pre_confidence),
      postConfidence: fromTenths(r.post_confidence),
    })),
    ...counted,
    offset: q.offset,
    limit: q.limit,
  };
}

/**
 * One page of the Training area. Training records name no child, so a page is not a case read;
 * it is still attributed (one `trainingEvent.list` row a page, with the filter), as every list is.
 */
export function listTrainingEvents(vault: OpenVault, q: TrainingListQuery): Page<TrainingEventListItem> {
  return vault.db
    .transaction(() => {
      const page = queryTrainingList(vault.db, q);
      vault.audit({
        action: 'trainingEvent.list',
        entityType: 'training_event',
        detail: {
          sector: q.sector,
          from: q.from,
          to: q.to,
          offset: q.offset,
          limit: q.limit,
          shown: page.items.length,
        },
      });
      return page;
    })
    .immediate();
}
