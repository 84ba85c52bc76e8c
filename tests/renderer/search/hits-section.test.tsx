import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CaseHit, HitList, HitsSection } from '../../../renderer/features/search/HitsSection';

const noop = () => undefined;

interface FakePage {
  offset: number;
  limit: number;
  total: number;
  items: string[];
}

function render(page: FakePage | null, loading = false): string {
  return renderToStaticMarkup(
    <HitsSection
      section="notes"
      title="Notes"
      searching="Searching notes…"
      page={page}
      loading={loading}
      found={(p) => `Found in ${p.total} cases.`}
      about={() => 'Newest first.'}
      pagerLabel="Note result pages"
      onOffset={noop}
    >
      {(p) => (
        <HitList start={p.offset + 1}>
          {p.items.map((ref) => (
            <CaseHit
              key={ref}
              reference={ref}
              displayName="Jordan Ellis"
              href={`#case-${ref}`}
              onOpen={noop}
              testId="hit"
            >
              <p>matched</p>
            </CaseHit>
          ))}
        </HitList>
      )}
    </HitsSection>,
  );
}

describe('HitsSection, the one frame of a search results section', () => {
  it('is a region named by its heading, which the jump links and page changes focus', () => {
    const html = render({ offset: 0, limit: 20, total: 1, items: ['NC-2026-0001'] });
    expect(html).toMatch(/^<section aria-labelledby="search-notes-heading"/);
    expect(html).toContain('<h3 id="search-notes-heading" tabindex="-1"');
    expect(html).toContain('Found in 1 cases.');
    expect(html).toContain('Newest first.');
    expect(html).toMatch(/<ol[^>]*start="1"/);
    expect(html).toContain('<a href="#case-NC-2026-0001">NC-2026-0001 <span');
  });

  it('says it is searching while a page is on its way, keeping the last page on screen', () => {
    expect(render(null, true)).toContain('Searching notes…');
    const loadingNext = render({ offset: 20, limit: 20, total: 45, items: ['NC-2026-0021'] }, true);
    expect(loadingNext).toContain('Searching notes…');
    expect(loadingNext).toContain('NC-2026-0021');
    expect(loadingNext).not.toContain('Newest first.');
    expect(loadingNext).toContain('aria-label="Note result pages"');
  });

  it('leaves the list out when nothing matched, but keeps the count', () => {
    const html = render({ offset: 0, limit: 20, total: 0, items: [] });
    expect(html).toContain('Found in 0 cases.');
    expect(html).not.toContain('<ol');
  });
});
