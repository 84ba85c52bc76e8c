/**
 * Name keys for matching: a search key (lower case, accents and punctuation removed) and a
 * small phonetic key in the spirit of Soundex, tuned for names met in UK referrals.
 *
 * Plain Soundex keeps the first letter as written, so Catherine/Kathryn or Philip/Filip never
 * match. Here a few English spelling rules are applied first (C before a hard vowel -> K,
 * PH -> F, Irish BH/MH -> V, KN/WR/GN at the start, CK -> K, SCH -> SK) and the first letter is coded like the
 * rest, so only the sound of the opening consonant matters. The key is the first sound plus
 * up to three consonant digits: coarse on purpose - it raises a warning, a person decides.
 */

/** Lower case, accents stripped, letters/digits/spaces/hyphens/apostrophes only. */
export function searchKey(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 '-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CODES: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

function normaliseSpelling(word: string): string {
  return (
    word
      .replace(/^kn/, 'n')
      .replace(/^wr/, 'r')
      .replace(/^gn/, 'n')
      .replace(/^ps/, 's')
      .replace(/^x/, 's')
      .replace(/ph/g, 'f')
      // Irish spelling: Niamh/Neve, Siobhan/Shevaun.
      .replace(/[bm]h/g, 'v')
      .replace(/sch/g, 'sk')
      .replace(/ck/g, 'k')
      .replace(/c(?=[eiy])/g, 's')
      .replace(/c/g, 'k')
      .replace(/dg/g, 'j')
      .replace(/gh/g, 'h')
  );
}

/** Phonetic key of a name (first word only when the name has several: `Mary Ann` -> `Mary`). */
export function phoneticKey(name: string | null | undefined): string {
  const word = searchKey(name).replace(/['-]/g, '').split(' ')[0] ?? '';
  const letters = normaliseSpelling(word.replace(/[^a-z]/g, ''));
  if (!letters) return '';
  const first = letters[0] as string;
  // The opening sound is written as its digit class (so hard C and K match); any vowel as 'a'.
  let key = CODES[first] ?? 'a';
  let previous = CODES[first] ?? '';
  for (const ch of letters.slice(1)) {
    const code = CODES[ch];
    if (code === undefined) {
      // Vowels separate repeated codes (as in Soundex); h and w do not.
      if (ch !== 'h' && ch !== 'w') previous = '';
      continue;
    }
    if (code !== previous) key += code;
    previous = code;
    if (key.length === 4) break;
  }
  return key;
}

/** Initials from names, e.g. `Amelia Jones` -> `AJ`. */
export function initialsOf(given: string | null, family: string | null): string {
  return [given, family]
    .map((n) =>
      searchKey(n)
        .replace(/[^a-z]/g, '')
        .slice(0, 1)
        .toUpperCase(),
    )
    .join('');
}
