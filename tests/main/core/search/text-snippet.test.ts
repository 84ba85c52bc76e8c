import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../main/core/search/fts-window';
import { termsOfFtsQuery, textSnippet } from '../../../../main/core/search/text-snippet';

const terms = (typed: string) => termsOfFtsQuery(toFtsQuery(typed) ?? '');

describe('textSnippet: the page snippet made from the note itself', () => {
  it('reads the terms back from the FTS query, the last one as a prefix', () => {
    expect(terms('Safety plan')).toEqual([
      { word: 'safety', prefix: false },
      { word: 'plan', prefix: true },
    ]);
  });

  it('marks every matching word, case and accents folded, the last word as a prefix', () => {
    expect(textSnippet('Reviewed the Safety Planning with Zoë.', terms('safety plan'))).toBe(
      'Reviewed the [Safety] [Planning] with Zoë.',
    );
    expect(textSnippet('Met Zoë at school.', terms('zoe'))).toBe('Met [Zoë] at school.');
    // A whole word is not matched inside a longer one; only the last (typed-so-far) word is.
    expect(textSnippet('Unsafe, safetyish.', terms('safety plan'))).toBeNull();
  });

  it('shows the 16-word stretch with the most different words, with an ellipsis where the text goes on', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    const text = `The plan was agreed. ${filler} The safety plan was reviewed with the carers today. ${filler}`;
    const s = textSnippet(text, terms('safety plan'));
    expect(s).toMatch(/^…/);
    expect(s).toMatch(/…$/);
    expect(s).toContain('[safety] [plan]');
    expect(s?.split(/\s+/).length).toBeLessThanOrEqual(17);
  });

  it('keeps brackets and punctuation of the text as they are, and returns null when nothing matches', () => {
    expect(textSnippet('Mum (Jo) said: "school [again]".', terms('school'))).toBe('Mum (Jo) said: "[school] [again]".');
    expect(textSnippet('Nothing here', terms('school'))).toBeNull();
  });
});
