import type { Page } from '../../../preload/contract/case-records';
import type { CaseSearchHit } from '../../../preload/contract/casework';
import { totalWords } from '../../components/Pager';
import { formatDate } from '../../lib/dates';
import { openCase } from '../../stores/cases';
import { STATUS_LABELS } from '../cases/case-page/labels';
import { CaseHit, HitList, HitMeta, HitsSection } from './HitsSection';

function summary(page: Page<CaseSearchHit>): string {
  if (page.total === 0) return 'No case matches this as a reference, a name or a date of birth.';
  const n = totalWords(page.total, page.moreThan, { sentenceStart: true });
  return `${n} ${page.total === 1 && !page.moreThan ? 'case' : 'cases'} by reference, name or date of birth, in order of family name.`;
}

/** The Cases section: cases whose reference, young person's name or date of birth match. */
export function CaseHits({
  page,
  loading,
  onOffset,
}: {
  page: Page<CaseSearchHit> | null;
  loading: boolean;
  onOffset: (offset: number) => void;
}) {
  return (
    <HitsSection
      section="cases"
      title="Cases"
      searching="Searching cases…"
      page={page}
      loading={loading}
      found={summary}
      pagerLabel="Case result pages"
      onOffset={onOffset}
    >
      {(shown) => (
        <HitList start={shown.offset + 1}>
          {shown.items.map((c) => (
            <CaseHit
              key={c.caseId}
              reference={c.reference}
              displayName={c.displayName}
              href={`#case-${c.reference}`}
              onOpen={() => openCase(c.caseId)}
              testId="case-hit"
            >
              <HitMeta>
                {c.dateOfBirth ? `Born ${formatDate(c.dateOfBirth)}` : 'Date of birth not recorded'}.{' '}
                {STATUS_LABELS[c.status]}. Lead worker: {c.leadWorkerName ?? 'not allocated'}.
              </HitMeta>
            </CaseHit>
          ))}
        </HitList>
      )}
    </HitsSection>
  );
}
