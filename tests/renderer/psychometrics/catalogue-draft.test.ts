/** The catalogue editor's working copy: typed text to the contract's input, with the core's own reasons. */
import { describe, expect, it } from 'vitest';
import type { InstrumentView } from '../../../preload/contract';
import { instrumentInputSchema } from '../../../preload/contract/psychometrics';
import {
  draftOf,
  emptyDraft,
  nextBand,
  toInput,
  type DraftScale,
} from '../../../renderer/features/psychometrics/catalogue-draft';
import { parseScore, previewBand } from '../../../renderer/features/psychometrics/band-text';

const view: InstrumentView = {
  id: '5d0c7a52-3f4e-4b6a-9c10-000000000002',
  name: 'SDQ',
  respondent: 'carer',
  version: '',
  scales: [{ key: 'total', name: 'Total difficulties', min: 0, max: 40, integer: true, bands: [] }],
  retired: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedByName: 'the app (as installed)',
  recordVersion: 1,
};

describe('catalogue draft', () => {
  it('round-trips an entry and keeps the keys of its scales', () => {
    const checked = toInput(draftOf(view));
    expect(checked.input).toEqual({ name: 'SDQ', respondent: 'carer', version: '', scales: view.scales });
    expect(instrumentInputSchema.safeParse(checked.input).success).toBe(true);
  });

  it('proposes the next band after the last (a point on, on a whole-number scale)', () => {
    const scale: DraftScale = {
      ...(draftOf(view).scales[0] as DraftScale),
      bands: [{ from: '0', to: '13', label: 'a' }],
    };
    expect(nextBand(scale)).toEqual({ from: '14', to: '40', label: '' });
    expect(nextBand({ ...scale, integer: false })).toEqual({ from: '13', to: '40', label: '' });
    expect(nextBand({ ...scale, bands: [] })).toEqual({ from: '0', to: '40', label: '' });
  });

  it('gives new scales unique keys from their names, and refuses with the core’s reasons', () => {
    const d = emptyDraft();
    d.name = 'My measure';
    d.scales = [
      { key: null, name: 'Mood', min: '0', max: '10', integer: true, bands: [] },
      { key: null, name: 'Mood', min: '0', max: '10', integer: true, bands: [] },
    ];
    expect(toInput(d).input?.scales.map((s) => s.key)).toEqual(['mood', 'mood-2']);
    d.scales[1] = {
      ...(d.scales[1] as DraftScale),
      bands: [
        { from: '0', to: '4', label: 'low' },
        { from: '6', to: '10', label: 'high' },
      ],
    };
    expect(toInput(d).problems?.scales).toEqual([null, expect.stringMatching(/gap between “low” and “high”/)]);
    d.scales[1] = { ...(d.scales[1] as DraftScale), bands: [{ from: '', to: '10', label: 'all' }] };
    expect(toInput(d).problems?.scales[1]).toMatch(/every band needs a number/);
    expect(toInput({ ...d, name: ' ' }).problems?.name).toBe('Give the instrument a name.');
  });
});

describe('the live band under a score field', () => {
  const scale = {
    key: 'total',
    name: 'Total',
    min: 0,
    max: 40,
    integer: true,
    bands: [
      { from: 0, to: 13, label: 'close to average' },
      { from: 14, to: 40, label: 'raised' },
    ],
  };

  it('shows the band with its position, or why the score cannot be recorded', () => {
    expect(previewBand(scale, '')).toEqual({ band: null, problem: null });
    expect(previewBand(scale, '14').band).toBe('Band: raised (band 2 of 2).');
    expect(previewBand(scale, '41').problem).toMatch(/range of 0 to 40/);
    expect(previewBand(scale, 'ten').problem).toBe('Total: enter a number from 0 to 40.');
    expect(previewBand({ ...scale, bands: [] }, '3').band).toBe('No bands are set for this scale yet.');
    expect(parseScore(' 7,5 ')).toBe(7.5);
    expect(parseScore('')).toBeNull();
  });
});
