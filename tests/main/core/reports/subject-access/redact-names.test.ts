/** The name rules of the subject access request, without a vault. */
import { describe, expect, it } from 'vitest';
import {
  NAME_REDACTED,
  namePatterns,
  namesInDescription,
  redactNames,
} from '../../../../../main/core/reports/subject-access/redact-names';

const victim = { name: 'Poppy Ashworth', why: 'third-party person on the case' };
const redact = (text: string, keep: string[] = ['Sam Ashworth']) => redactNames(text, namePatterns([victim], keep));

describe('redacting third parties’ names', () => {
  it('takes out the full name and each part, whole-word, in any case, with possessives', () => {
    const r = redact("Poppy Ashworth, POPPY, poppy’s room and Poppy's coat.");
    expect(r.text).toBe(`${NAME_REDACTED}, ${NAME_REDACTED}, ${NAME_REDACTED} room and ${NAME_REDACTED} coat.`);
    expect(r.found).toEqual([victim]);
  });

  it('leaves words that only contain the name, and the requester’s own family name', () => {
    const r = redact('Poppyseed cake; Sam Ashworth and the Ashworth family; Poppy\u00a0Ashworth.');
    expect(r.text).toBe(`Poppyseed cake; Sam Ashworth and the Ashworth family; ${NAME_REDACTED}.`);
  });

  it('redacts a surname shared with nobody of the requester’s family', () => {
    expect(redact('Mrs Ashworth called.', ['Sam Jones']).text).toBe(`Mrs ${NAME_REDACTED} called.`);
  });

  it('finds nothing in text without the name, and treats regex characters in a name as letters', () => {
    expect(redact('Sam went to school.').found).toEqual([]);
    const odd = { name: 'A.J. (Jo)', why: 'x' };
    expect(redactNames('Ask A.J. (Jo) and AxJ.', namePatterns([odd], [])).text).toBe(`Ask ${NAME_REDACTED} and AxJ.`);
  });

  it('a victim field gives its phrase whole and only its capitalised words that are not descriptions', () => {
    expect(namesInDescription('Poppy, his younger sister')).toEqual(['Poppy']);
    expect(namesInDescription('A cousin, aged 7')).toEqual([]);
    expect(namesInDescription('The Year 9 pupil Jay-Dee O’Hara')).toEqual(['Jay-Dee', 'O’Hara']);
    const field = {
      name: 'A peer at school',
      why: 'recorded as “Who was harmed”',
      parts: namesInDescription('A peer at school'),
    };
    const r = redactNames('He met a peer at school; the school called.', namePatterns([field], []));
    expect(r.text).toBe(`He met ${NAME_REDACTED}; the school called.`);
  });
});
