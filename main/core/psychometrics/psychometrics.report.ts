/**
 * The psychometrics part of a report (for the assessment report's "assessment process"
 * section): one table row per score, with the band it was scored in, in date order. Builds the
 * report engine's blocks only; the report that includes it audits its own read of the case.
 */
import { formatScore } from '../../../preload/contract/psychometric-bands';
import { RESPONDENT_LABELS } from '../../../preload/contract/psychometrics';
import type { Db } from '../db/connection';
import type { Block, TableRow } from '../reports/model';
import { ukDate } from '../reports/format';
import { listAdministrations } from './psychometrics.repo';
import { scoreScales } from './scoring';

export function psychometricsBlocks(db: Db, caseId: string): Block[] {
  const administrations = listAdministrations(db, caseId).reverse();
  const rows: TableRow[] = [];
  for (const a of administrations) {
    const who =
      a.respondentType === 'young_person'
        ? 'Young person'
        : `${a.respondentName ?? ''} (${RESPONDENT_LABELS[a.respondentType]})`;
    for (const s of scoreScales(a.scales, a.scores)) {
      if (s.score === null) continue;
      rows.push({
        cells: [
          ukDate(a.administeredOn),
          a.instrumentName + (a.instrumentVersion ? ` (${a.instrumentVersion})` : ''),
          who,
          s.scaleName,
          `${formatScore(s.score)} (${formatScore(s.min)}-${formatScore(s.max)})`,
          s.band?.label ?? 'No bands set',
        ],
      });
    }
  }
  return [
    { kind: 'heading', text: 'Psychometric assessments', level: 2 },
    {
      kind: 'paragraph',
      style: 'note',
      text: 'Each band is the one in force when the questionnaire was scored. Scores only; no questionnaire items.',
    },
    {
      kind: 'table',
      caption: 'Psychometric results',
      columns: [
        { header: 'Date', weight: 2 },
        { header: 'Questionnaire', weight: 3 },
        { header: 'Respondent', weight: 3 },
        { header: 'Scale', weight: 4 },
        { header: 'Score', weight: 2 },
        { header: 'Band', weight: 3 },
      ],
      rows,
      empty: 'No questionnaires were recorded.',
    },
  ];
}
