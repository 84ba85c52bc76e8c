/** The NHS number rule shared by the core and the renderer (preload/contract/nhs-number.ts). */
import { describe, expect, it } from 'vitest';
import {
  NHS_NUMBER_CHECK_DIGIT_MESSAGE,
  NHS_NUMBER_LENGTH_MESSAGE,
  formatNhsNumber,
  nhsCheckDigit,
  nhsNumberProblem,
  nhsNumberSchema,
} from '../../../../preload/contract/nhs-number';

describe('NHS number (Modulus 11)', () => {
  it.each([
    ['9434765919', 'the example in DOMAIN.md'],
    ['943 476 5919', 'with the usual spaces'],
    [' 943  476 5919 ', 'with stray spaces'],
    ['4010232137', 'another valid number'],
    ['1000000060', 'a remainder of 0 (11 - 0 = 11) gives check digit 0'],
  ])('accepts %s (%s)', (input) => {
    expect(nhsNumberProblem(input)).toBeNull();
    expect(nhsNumberSchema.parse(input)).toBe(input.replace(/\s/g, ''));
  });

  it.each([
    ['9434765918', NHS_NUMBER_CHECK_DIGIT_MESSAGE, 'wrong check digit'],
    ['943 476 5910', NHS_NUMBER_CHECK_DIGIT_MESSAGE, 'wrong check digit with spaces'],
    ['1000000066', NHS_NUMBER_CHECK_DIGIT_MESSAGE, 'check digit 11 must be written as 0, not 6'],
    ['1000000010', NHS_NUMBER_CHECK_DIGIT_MESSAGE, 'first nine digits call for 10: no valid number'],
    ['1000000011', NHS_NUMBER_CHECK_DIGIT_MESSAGE, 'first nine digits call for 10, any last digit'],
    ['943476591', NHS_NUMBER_LENGTH_MESSAGE, 'nine digits'],
    ['94347659190', NHS_NUMBER_LENGTH_MESSAGE, 'eleven digits'],
    ['943-476-5919', NHS_NUMBER_LENGTH_MESSAGE, 'hyphens are not digits'],
    ['ABC4765919', NHS_NUMBER_LENGTH_MESSAGE, 'letters'],
    ['', NHS_NUMBER_LENGTH_MESSAGE, 'empty'],
  ])('refuses %s with the reason (%s)', (input, message) => {
    expect(nhsNumberProblem(input)).toBe(message);
    const parsed = nhsNumberSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });

  it('computes the check digit: 11 means 0, 10 means none', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(nhsCheckDigit('100000006')).toBe(0); // sum 22, remainder 0, 11 - 0 = 11 -> 0
    expect(nhsCheckDigit('100000001')).toBeNull(); // sum 12, remainder 1, 11 - 1 = 10 -> invalid
    expect(() => nhsCheckDigit('12345678')).toThrow();
  });

  it('shows the number as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('943 4765919')).toBe('943 476 5919');
    expect(formatNhsNumber('12345')).toBe('12345');
  });
});
