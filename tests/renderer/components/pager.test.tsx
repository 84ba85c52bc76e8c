import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NEWEST_FIRST_WORDS, Pager, totalWords } from '../../../renderer/components/Pager';

const noop = () => undefined;

/** The pager's markup, with the two buttons' attributes easy to check. */
function render(offset: number, total: number, words?: typeof NEWEST_FIRST_WORDS): string {
  return renderToStaticMarkup(
    <Pager label="Pages of notes" offset={offset} limit={20} total={total} onOffset={noop} words={words} />,
  );
}

describe('Pager', () => {
  it('marks an end aria-disabled, never disabled, so the focused button keeps the focus', () => {
    const lastPage = render(20, 25, NEWEST_FIRST_WORDS);
    expect(lastPage).not.toMatch(/\sdisabled(=|\s|>)/);
    const buttons = lastPage.match(/<button[^>]*>.*?<\/button>/g) ?? [];
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).not.toContain('aria-disabled');
    expect(buttons[0]).toContain('Newer');
    expect(buttons[1]).toContain('aria-disabled="true"');
    expect(buttons[1]).toContain('Older');
  });

  it('says where we are in words, with thousands separated', () => {
    expect(render(0, 10_000)).toContain('Showing 1 to 20 of 10,000');
    expect(render(9_980, 10_000)).toContain('Showing 9,981 to 10,000 of 10,000');
  });

  it('is a labelled navigation landmark with the default words', () => {
    const first = render(0, 25);
    expect(first).toMatch(/^<nav[^>]*aria-label="Pages of notes"/);
    expect(first).toContain('Previous page');
    expect(first).toContain('Next page');
  });

  it('is not there for one page, but stays past the first page of a list that shrank', () => {
    expect(render(0, 20)).toBe('');
    expect(render(20, 20)).toContain('Showing');
  });

  it('says "more than" when the count stopped at its bound, and Next still goes on', () => {
    const more = (offset: number) =>
      renderToStaticMarkup(
        <Pager label="Caseload pages" offset={offset} limit={50} total={1_000} moreThan onOffset={noop} />,
      );
    expect(more(0)).toContain('Showing 1 to 50 of more than 1,000');
    // At the bound's last page the count went no further, yet a further page exists.
    const atBound = more(950);
    expect(atBound).toContain('Showing 951 to 1,000 of more than 1,000');
    const buttons = atBound.match(/<button[^>]*>.*?<\/button>/g) ?? [];
    expect(buttons[1]).toContain('Next page');
    expect(buttons[1]).not.toContain('aria-disabled');
    // An exact total of the same size ends there.
    const exact = renderToStaticMarkup(
      <Pager label="Caseload pages" offset={950} limit={50} total={1_000} onOffset={noop} />,
    );
    expect(exact).toContain('Showing 951 to 1,000 of 1,000');
    expect((exact.match(/<button[^>]*>.*?<\/button>/g) ?? [])[1]).toContain('aria-disabled="true"');
  });

  it('shows a bounded single page, since a further page exists', () => {
    const one = renderToStaticMarkup(
      <Pager label="Caseload pages" offset={0} limit={1_000} total={1_000} moreThan onOffset={noop} />,
    );
    expect(one).toContain('of more than 1,000');
  });
});

describe('totalWords', () => {
  it('says an exact total as a number and a bounded one as "more than"', () => {
    expect(totalWords(1_234)).toBe('1,234');
    expect(totalWords(1_000, true)).toBe('more than 1,000');
    expect(totalWords(1_000, true, { sentenceStart: true })).toBe('More than 1,000');
    expect(totalWords(7, false, { sentenceStart: true })).toBe('7');
  });
});
