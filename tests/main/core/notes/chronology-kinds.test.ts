import { describe, expect, it } from 'vitest';
import { kindLabel } from '../../../../main/core/reports/chronology-report';
import { registerChronologySource } from '../../../../main/core/notes/chronology';
import { CHRONOLOGY_KINDS, isChronologyKind } from '../../../../preload/contract/chronology-kinds';

describe('chronology kinds', () => {
  it('gives every kind a label the screen and the printed chronology share', () => {
    for (const [id, kind] of Object.entries(CHRONOLOGY_KINDS)) {
      expect(kind.label.trim(), id).not.toBe('');
      expect(kindLabel(id)).toBe(kind.label);
    }
    // Bundles' kinds were "Event" on screen before they had a definition.
    expect(kindLabel('bundle_received')).toBe('Bundle received');
  });

  it('tells a defined kind from an undefined one', () => {
    expect(isChronologyKind('note')).toBe(true);
    expect(isChronologyKind('toString')).toBe(false);
    expect(kindLabel('later_module_event')).toBe('Later module event');
  });

  it('refuses a source whose kinds are in different groups', () => {
    expect(() => registerChronologySource({ kinds: ['note', 'flag_raised'], sql: 'SELECT 1 WHERE 0' })).toThrow(
      /different groups/,
    );
  });

  it('makes a kind without a definition a type error', () => {
    // @ts-expect-error: 'made_up' is not in CHRONOLOGY_KINDS, so a source cannot name it.
    const source: Parameters<typeof registerChronologySource>[0] = { kinds: ['made_up'], sql: 'SELECT 1 WHERE 0' };
    expect(source.kinds).toEqual(['made_up']);
  });
});
