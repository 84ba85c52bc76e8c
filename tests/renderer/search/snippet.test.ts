import { describe, expect, it } from 'vitest';
import { splitSnippet } from '../../../renderer/features/search/snippet';

describe('splitSnippet', () => {
  it('marks the parts the core bracketed', () => {
    expect(splitSnippet('…the [playground] incident…', 'playground')).toEqual([
      { text: '…the ', match: false },
      { text: 'playground', match: true },
      { text: ' incident…', match: false },
    ]);
  });

  it('matches the last word as a prefix and ignores case', () => {
    expect(splitSnippet('[Safety] [planning] meeting', 'safety plan').filter((p) => p.match)).toEqual([
      { text: 'Safety', match: true },
      { text: 'planning', match: true },
    ]);
  });

  it('keeps brackets typed in the note, including around a match', () => {
    expect(splitSnippet('school [redacted] said [[redacted]]', 'redacted')).toEqual([
      { text: 'school ', match: false },
      { text: 'redacted', match: true },
      { text: ' said [', match: false },
      { text: 'redacted', match: true },
      { text: ']', match: false },
    ]);
    expect(splitSnippet('see [appendix] for [worries]', 'worries')).toEqual([
      { text: 'see [appendix] for ', match: false },
      { text: 'worries', match: true },
    ]);
  });

  it('returns markup as plain text parts', () => {
    expect(splitSnippet('<b>[bold]</b>', 'bold')).toEqual([
      { text: '<b>', match: false },
      { text: 'bold', match: true },
      { text: '</b>', match: false },
    ]);
  });
});
