/**
 * Demo people hang together: over a few hundred generated cases, names agree with gender and
 * relationship, what notes call the young person agrees with their gender, no sentence names the
 * same professional twice, and case numbers follow referral dates within each year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { PROFESSIONALS } from '../../../../main/core/demo/text';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../../../../main/core/demo/vocabulary';
import { makeVault, type TestVault } from '../cases/fixtures';

const CASES = 300;
let t: TestVault;

beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: CASES, seed: 'coherence', batchSize: 100 });
}, 120_000);
afterAll(() => t?.cleanup());

interface YoungPersonRow {
  case_id: string;
  given_name: string | null;
  gender: string;
}
interface PersonRow {
  case_id: string;
  kind: string;
  name: string;
  relationship: string | null;
}

const MALE = new Set(MALE_GIVEN_NAMES);
const FEMALE = new Set(FEMALE_GIVEN_NAMES);
/** The sex a given name was drawn for (the two lists share no name). */
const sexOfName = (given: string): 'male' | 'female' | 'unknown' =>
  MALE.has(given) ? 'male' : FEMALE.has(given) ? 'female' : 'unknown';
const firstName = (full: string): string => full.split(' ')[0] ?? '';
const pronoun = (sex: string): string => (sex === 'male' ? 'his' : sex === 'female' ? 'her' : 'their');
const ypSex = (gender: string): string => (gender === 'Male' ? 'male' : gender === 'Female' ? 'female' : 'other');

/** Relationship words and the sex they imply. */
const RELATIONSHIP_SEX: Record<string, 'male' | 'female' | 'any'> = {
  Mother: 'female',
  Father: 'male',
  Stepmother: 'female',
  Stepfather: 'male',
  Grandmother: 'female',
  Grandfather: 'male',
  Aunt: 'female',
  'Foster carer': 'any',
  'Kinship carer': 'any',
  Brother: 'male',
  Sister: 'female',
  'Half-brother': 'male',
  'Half-sister': 'female',
  Stepbrother: 'male',
  Stepsister: 'female',
};
/** What a relative calls the young person, by the young person's sex. */
const YOUNG_PERSON_WORD: Record<string, Record<string, string>> = {
  male: { son: 'son', stepson: 'stepson', grandson: 'grandson', brother: 'brother' },
  female: { son: 'daughter', stepson: 'stepdaughter', grandson: 'granddaughter', brother: 'sister' },
  other: { son: 'child', stepson: 'stepchild', grandson: 'grandchild', brother: 'sibling' },
};
const RELATIONSHIP_ROOT: Record<string, string> = {
  mother: 'son',
  father: 'son',
  stepmother: 'stepson',
  stepfather: 'stepson',
  grandmother: 'grandson',
  grandfather: 'grandson',
};

function load() {
  const db = t.vault.db;
  const youngPeople = db.prepare('SELECT case_id, given_name, gender FROM young_people').all() as YoungPersonRow[];
  const people = db.prepare('SELECT case_id, kind, name, relationship FROM case_people').all() as PersonRow[];
  const notes = db.prepare('SELECT case_id, text FROM notes').all() as { case_id: string; text: string }[];
  const peopleByCase = new Map<string, PersonRow[]>();
  for (const p of people) peopleByCase.set(p.case_id, [...(peopleByCase.get(p.case_id) ?? []), p]);
  return { youngPeople, people, notes, peopleByCase, yp: new Map(youngPeople.map((y) => [y.case_id, y])) };
}

describe(`demo coherence over ${CASES} cases`, () => {
  it('gives each young person a given name that fits their recorded gender', () => {
    const { youngPeople } = load();
    expect(youngPeople).toHaveLength(CASES);
    const named = youngPeople.filter((y) => y.given_name);
    for (const y of named) {
      const sex = sexOfName(y.given_name ?? '');
      expect(sex, `${y.given_name} (${y.gender})`).not.toBe('unknown');
      if (y.gender === 'Male') expect(sex, `${y.given_name} is recorded as male`).toBe('male');
      if (y.gender === 'Female') expect(sex, `${y.given_name} is recorded as female`).toBe('female');
    }
    expect(new Set(named.map((y) => y.gender))).toEqual(new Set(['Male', 'Female', 'Non-binary', 'Not stated']));
  });

  it('names each parent, carer and sibling to agree with their relationship (mother, father, brother, sister ...)', () => {
    const { people } = load();
    const family = people.filter((p) => p.kind === 'parent_carer' || p.kind === 'sibling');
    expect(family.length).toBeGreaterThan(CASES);
    const seen = new Set<string>();
    for (const p of family) {
      const implied = RELATIONSHIP_SEX[p.relationship ?? ''];
      expect(implied, `unexpected relationship "${p.relationship}"`).toBeDefined();
      seen.add(p.relationship ?? '');
      const sex = sexOfName(firstName(p.name));
      expect(sex, p.name).not.toBe('unknown');
      if (implied !== 'any') expect(sex, `${p.name}, ${p.relationship}`).toBe(implied);
    }
    // Every relationship actually occurs, so the check above tested each of them.
    expect(seen.size).toBe(Object.keys(RELATIONSHIP_SEX).length);
  });

  it('gives a family no two people with the same given name', () => {
    const { peopleByCase, yp } = load();
    for (const [caseId, people] of peopleByCase) {
      const family = people
        .filter((p) => p.kind !== 'professional' && p.kind !== 'referrer')
        .map((p) => firstName(p.name));
      const given = yp.get(caseId)?.given_name;
      const names = given ? [given, ...family] : family;
      expect(new Set(names).size, names.join(', ')).toBe(names.length);
    }
  });

  it("words notes about the family by the young person's gender and each relative's own", () => {
    const { notes, peopleByCase, yp } = load();
    let calls = 0;
    let sessions = 0;
    let siblings = 0;
    for (const n of notes) {
      const young = yp.get(n.case_id);
      if (!young?.given_name) continue;
      const sex = ypSex(young.gender);
      const people = peopleByCase.get(n.case_id) ?? [];
      // "Call from Jack's mother, Sarah Smith: her son had a difficult week"
      for (const m of n.text.matchAll(/Call from (\S+)'s ([a-z -]+), ([^:]+): (his|her) (\w+) had/g)) {
        calls++;
        const [, whose, relationship, name, their, word] = m as unknown as string[];
        expect(whose).toBe(young.given_name);
        const carer = people.find((p) => p.name === name);
        expect(carer?.relationship?.toLowerCase(), n.text).toBe(relationship);
        expect(their, n.text).toBe(pronoun(sexOfName(firstName(name ?? ''))));
        expect(word, n.text).toBe(YOUNG_PERSON_WORD[sex]?.[RELATIONSHIP_ROOT[relationship ?? ''] ?? '']);
      }
      // "Family session with Jack and his mother"
      for (const m of n.text.matchAll(/Family session with (\S+) and (his|her|their) ([a-z -]+) on /g)) {
        sessions++;
        expect(m[1]).toBe(young.given_name);
        expect(m[2], n.text).toBe(pronoun(sex));
        expect(
          people.some((p) => p.relationship?.toLowerCase() === m[3]),
          n.text,
        ).toBe(true);
      }
      // "Met Ella at home ...; her brother Jack was at school."
      for (const m of n.text.matchAll(/Met (\S+) at home [^;]+; (his|her) (brother|sister|sibling) (\S+) was/g)) {
        siblings++;
        const sibling = people.find((p) => p.kind === 'sibling' && firstName(p.name) === m[1]);
        expect(sibling, n.text).toBeDefined();
        expect(m[2], n.text).toBe(pronoun(sexOfName(m[1] ?? '')));
        expect(m[3], n.text).toBe(YOUNG_PERSON_WORD[sex]?.brother);
        expect(m[4]).toBe(young.given_name);
      }
    }
    // The patterns must have met real notes, or the checks above prove nothing.
    expect(calls).toBeGreaterThan(100);
    expect(sessions).toBeGreaterThan(100);
    expect(siblings).toBeGreaterThan(50);
  });

  it('names no professional twice in one sentence', () => {
    const { notes } = load();
    let pairs = 0;
    const twice: string[] = [];
    for (const n of notes) {
      for (const sentence of n.text.split(/(?<=[.;:])\s+/)) {
        if (PROFESSIONALS.some((who) => sentence.split(who).length > 2)) twice.push(sentence);
        if (sentence.startsWith('Professionals meeting with')) pairs++;
      }
    }
    expect(twice).toEqual([]);
    expect(pairs).toBeGreaterThan(50);
  });

  it('says nothing twice in one note (no "Call from Jack\'s father ..." repeated), and describes one session', () => {
    const { notes } = load();
    const repeated = notes.filter((n) => {
      const sentences = n.text.split(/(?<=\.)\s+/);
      return new Set(sentences).size !== sentences.length || (n.text.match(/ engaged /g) ?? []).length > 1;
    });
    expect(repeated.map((n) => n.text)).toEqual([]);
  });

  it('numbers cases in referral order within each year: NC-YYYY-0001 is the earliest referral', () => {
    const rows = t.vault.db
      .prepare('SELECT reference, ref_year, ref_seq, referral_date FROM cases ORDER BY ref_year, ref_seq')
      .all() as { reference: string; ref_year: number; ref_seq: number; referral_date: string }[];
    expect(rows).toHaveLength(CASES);
    const years = new Set(rows.map((r) => r.ref_year));
    expect(years.size).toBeGreaterThanOrEqual(5);
    for (const year of years) {
      const inYear = rows.filter((r) => r.ref_year === year);
      inYear.forEach((r, i) => {
        expect(r.ref_seq).toBe(i + 1);
        expect(r.reference).toBe(`NC-${year}-${String(i + 1).padStart(4, '0')}`);
        expect(r.referral_date.slice(0, 4)).toBe(String(year));
        if (i > 0) expect(r.referral_date >= (inYear[i - 1]?.referral_date ?? ''), r.reference).toBe(true);
      });
    }
  });
});

describe('a second demo run into the same vault', () => {
  it('continues each year after the cases already there, in date order within the run', async () => {
    const v = await makeVault('2025-12-31T12:00:00Z');
    try {
      generateDemoData(v.vault, { cases: 40, seed: 'first' });
      generateDemoData(v.vault, { cases: 40, seed: 'second' });
      const rows = v.vault.db
        .prepare('SELECT ref_year, ref_seq, created_at FROM cases ORDER BY ref_year, ref_seq')
        .all() as { ref_year: number; ref_seq: number }[];
      expect(rows).toHaveLength(80);
      for (const year of new Set(rows.map((r) => r.ref_year))) {
        const seqs = rows.filter((r) => r.ref_year === year).map((r) => r.ref_seq);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      }
    } finally {
      v.cleanup();
    }
  });
});
