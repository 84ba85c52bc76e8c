/**
 * The young person's family as one coherent set: each relative has a sex, a given name drawn for
 * that sex, a relationship word that agrees with it, and the word they use for the young person
 * (son, daughter, brother, sister ...) agrees with the young person's recorded gender. Notes are
 * written from this same set, so what a note says about the family matches the People tab.
 */
import type { Random } from './prng';
import * as V from './vocabulary';

/** A person's sex as the demo draws names for it. */
export type PersonSex = 'male' | 'female';
/** The young person's sex for wording: 'other' for non-binary or not stated ("child", "their"). */
export type YoungPersonSex = PersonSex | 'other';

export interface DemoRelative {
  kind: 'parent_carer' | 'sibling';
  sex: PersonSex;
  given: string;
  name: string;
  /** As stored in the person record: "Mother", "Half-brother" ... */
  relationship: string;
  /** The young person as this relative would say it ("son", "sister"); null: say their name. */
  youngPersonWord: string | null;
}

export function youngPersonSex(gender: V.DemoGender): YoungPersonSex {
  return gender === 'Male' ? 'male' : gender === 'Female' ? 'female' : 'other';
}

/** A given name that fits the sex; for 'other' any name at all. */
export function givenNameFor(r: Random, sex: YoungPersonSex): string {
  return r.pick(sex === 'male' ? V.MALE_GIVEN_NAMES : sex === 'female' ? V.FEMALE_GIVEN_NAMES : V.ANY_GIVEN_NAMES);
}

/** "his", "her" or "their". */
export function possessive(sex: YoungPersonSex): string {
  return sex === 'male' ? 'his' : sex === 'female' ? 'her' : 'their';
}

function sexOf(r: Random, implied: V.Sex): PersonSex {
  return implied === 'any' ? (r.chance(0.5) ? 'female' : 'male') : implied;
}

/** A name for `sex` that nobody in `taken` has yet (two Jacks in one family would confuse notes). */
function freshName(r: Random, sex: PersonSex, taken: Set<string>): string {
  let given = givenNameFor(r, sex);
  for (let tries = 0; taken.has(given) && tries < 8; tries++) given = givenNameFor(r, sex);
  taken.add(given);
  return given;
}

/** Parents and carers (1-2) and siblings (0-3) of a young person called `ypGiven` `family`. */
export function drawFamily(r: Random, ypGiven: string, family: string, ypSex: YoungPersonSex): DemoRelative[] {
  const relatives: DemoRelative[] = [];
  const taken = new Set([ypGiven]);
  // The draws (relationship, sex, name, then any family name) keep their order, so a seed
  // still gives the same people.
  const draw = <R extends { name: string; sex: V.Sex }>(relationships: readonly R[]) => {
    const rel = r.pick(relationships);
    const sex = sexOf(r, rel.sex);
    return { rel, sex, given: freshName(r, sex, taken) };
  };
  for (let i = r.int(1, 2); i > 0; i--) {
    const { rel, sex, given } = draw(V.RELATIONSHIPS);
    relatives.push({
      kind: 'parent_carer',
      sex,
      given,
      name: `${given} ${rel.ownFamilyName ? r.pick(V.FAMILY_NAMES) : family}`,
      relationship: rel.name,
      youngPersonWord: rel.child ? rel.child[ypSex] : null,
    });
  }
  const siblings = r.weighted([
    [0, 3],
    [1, 4],
    [2, 2],
    [3, 1],
  ] as const);
  for (let i = siblings; i > 0; i--) {
    const { rel, sex, given } = draw(V.SIBLING_RELATIONSHIPS);
    relatives.push({
      kind: 'sibling',
      sex,
      given,
      name: `${given} ${family}`,
      relationship: rel.name,
      youngPersonWord: V.SIBLING_WORD[ypSex],
    });
  }
  return relatives;
}
