/**
 * The bundle module of psychometrics: a case's administrations travel, each with its own copy
 * of the instrument's scales and bands, so the receiving vault shows the same bands whatever its
 * catalogue says. The catalogue is the service's own and does not travel; `instrument_id` names
 * the sender's entry and is kept only for reference.
 *
 * Incoming rows are checked like the router's input: the JSON columns against the contract's
 * schemas (by the record's stored schemas), and every score against the range of its copied
 * scale, so a crafted bundle cannot bring a score its own bands cannot place.
 */
import { scoreProblem } from '../../../preload/contract/psychometric-bands';
import type { ScaleDefinition } from '../../../preload/contract/psychometrics';
import type { BundleModule } from '../bundles/registry';
import { ukDate } from '../bundles/summary';
import { tableModule, type Row } from '../bundles/modules/table-module';
import { administrationRecord } from './psychometrics.records';

const base = tableModule({
  name: 'psychometrics',
  table: administrationRecord.table,
  schemaVersion: 1,
  after: ['case', 'people'],
  columns: administrationRecord.storedSchemas(['id', 'version', 'case_id']),
  order: 't.administered_on, t.id',
  summarise: (rows) => [
    {
      heading: `Psychometrics (${rows.length})`,
      lines: rows.map(
        (r) =>
          `${ukDate(String(r.administered_on))}: ${String(r.instrument_name)} (${String(r.respondent_type).replace('_', ' ')}): ${String(r.summary)}`,
      ),
    },
  ],
});

/** Why a row's scores do not fit its own copied scales, or null. */
function scoresProblem(row: Row): string | null {
  let scales: ScaleDefinition[];
  let scores: { scaleKey: string; score: number | null }[];
  try {
    // The stored schemas have already refused anything that is not these shapes; this only
    // guards against a refinement running after such an issue.
    scales = JSON.parse(String(row.scales)) as ScaleDefinition[];
    scores = JSON.parse(String(row.scores)) as { scaleKey: string; score: number | null }[];
  } catch {
    return 'the scores are not valid data';
  }
  if (!Array.isArray(scales) || !Array.isArray(scores)) return 'the scores are not valid data';
  for (const entry of scores) {
    const scale = scales.find((s) => s.key === entry.scaleKey);
    if (!scale) return `a score names a scale (${entry.scaleKey}) the administration does not have`;
    const problem = entry.score === null ? null : scoreProblem(scale, entry.score);
    if (problem) return problem;
  }
  return null;
}

export const psychometricsModule: BundleModule<Row> = {
  ...base,
  schema: base.schema.superRefine((row, ctx) => {
    const problem = scoresProblem(row);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['scores'] });
  }),
};
