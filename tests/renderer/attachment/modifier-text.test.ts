/** The family view and the procedure card set a modifier's code apart: which code a text starts with. */
import { describe, expect, it } from 'vitest';
import { modifierCodeOf } from '../../../renderer/features/attachment/ModifierText';

describe('modifierCodeOf', () => {
  it.each([
    ['Ul (her father, 2019: blocked)', 'Ul'],
    ['Utr (domestic abuse at home, 2021: dismissed)', 'Utr'],
    ['Dp', 'Dp'],
    ['R (towards B)', 'R'],
    ['ina', 'ina'],
  ])('%s begins with %s', (text, code) => {
    expect(modifierCodeOf(text)).toBe(code);
  });

  it('finds none in a text that only starts with the letters of one', () => {
    expect(modifierCodeOf('Reorganising')).toBeNull();
    expect(modifierCodeOf('Ultimately')).toBeNull();
  });
});
