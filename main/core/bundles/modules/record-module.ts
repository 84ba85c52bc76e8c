/**
 * A bundle module for a record defined with `defineRecord`: its columns and their stored
 * schemas come from the definition, so a column added to the record travels (and is checked on
 * import) without being listed again here. Records are the rows as stored, column names as keys,
 * in the definition's order: the bundle JSON a table module has always written.
 */
import type { Columns, RecordDef, RowOf } from '../../db/record';
import type { BundleModule, SummarySection } from '../registry';
import { tableModule, type Row, type TableModuleSpec } from './table-module';

/** The columns `tableModule` carries for every row itself. */
const CARRIED_BY_TABLE_MODULE = ['id', 'version', 'case_id'];

/** A row as it travels: the record's row without the columns left out. */
export type CarriedRow<C extends Columns, L extends keyof C & string> = Omit<RowOf<C>, L>;

export interface RecordModuleSpec<C extends Columns, L extends keyof C & string> extends Omit<
  TableModuleSpec,
  'table' | 'columns' | 'sensitive' | 'summarise'
> {
  /** Columns that stay in this vault (how it stores something locally). */
  leaveOut?: readonly L[];
  /** Rows left out unless third-party-sensitive content was chosen. */
  sensitive?: (row: CarriedRow<C, L>) => boolean;
  summarise?: (rows: readonly CarriedRow<C, L>[]) => SummarySection[];
}

export function recordModule<C extends Columns, L extends keyof C & string = never>(
  def: RecordDef<C>,
  spec: RecordModuleSpec<C, L>,
): BundleModule<Row> {
  const { leaveOut = [], sensitive, summarise, ...rest } = spec;
  // Every row a table module hands on was selected by, or parsed with, exactly these columns'
  // schemas, so it is the record's carried row.
  const carried = (row: Row) => row as unknown as CarriedRow<C, L>;
  return tableModule({
    ...rest,
    table: def.table,
    columns: def.storedSchemas([...CARRIED_BY_TABLE_MODULE, ...leaveOut]),
    ...(sensitive ? { sensitive: (row: Row) => sensitive(carried(row)) } : {}),
    ...(summarise ? { summarise: (rows: readonly Row[]) => summarise(rows.map(carried)) } : {}),
  });
}
