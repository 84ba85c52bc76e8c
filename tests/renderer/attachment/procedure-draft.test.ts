/**
 * The procedure form's working copy: typed text to the contract's input, with the DMM's own
 * reasons by field, the CARE-Index running sums and the live warnings.
 */
import { describe, expect, it } from 'vitest';
import { procedureInputSchema, type ProcedureView } from '../../../preload/contract/attachment';
import {
  classificationPreview,
  draftWarnings,
  partnerSum,
  scaleValue,
  sumText,
} from '../../../renderer/features/attachment/live-reading';
import {
  draftOf,
  emptyDraft,
  newModifier,
  personChoice,
  toProcedureInput,
  SOMEONE_ELSE,
  YOUNG_PERSON,
  type ProcedureDraft,
} from '../../../renderer/features/attachment/procedure-draft';

const WORKER = '5d0c7a52-3f4e-4b6a-9c10-000000000001';
const MOTHER = '5d0c7a52-3f4e-4b6a-9c10-000000000002';

function draft(over: Partial<ProcedureDraft>): ProcedureDraft {
  return { ...emptyDraft(WORKER, '10/02/2026'), ...over };
}

function inputOf(d: ProcedureDraft) {
  const r = toProcedureInput(d);
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.input;
}

function errorsOf(d: ProcedureDraft) {
  const r = toProcedureInput(d);
  if (!('errors' in r)) throw new Error('expected errors');
  return r.errors;
}

describe('toProcedureInput', () => {
  it('turns an SAA with its figure and modifiers into an input the contract accepts', () => {
    const saa = draft({
      procedure: 'SAA',
      figure: personChoice(MOTHER),
      classification: ' a4 ',
      coderName: 'Dr Rowe',
      coderReliable: 'yes',
      blindCoded: 'no',
      modifiers: [
        { ...newModifier('Utr', []), about: 'domestic abuse, 2020', forms: ['dismissed', 'blocked'] },
        { ...newModifier('Dp', []), key: 2 },
      ],
    });
    const input = inputOf(saa);
    expect(input).toMatchObject({
      procedure: 'SAA',
      subjectKind: 'young_person',
      subjectPersonId: null,
      figurePersonId: MOTHER,
      figureName: null,
      administeredOn: '2026-02-10',
      classification: 'A4',
      coderReliable: true,
      blindCoded: false,
      careIndex: null,
      modifiers: [
        { code: 'Utr', about: 'domestic abuse, 2020', forms: ['dismissed', 'blocked'], otherForm: null, target: null },
        { code: 'Dp', about: null, forms: [], otherForm: null, target: null },
      ],
    });
    expect(procedureInputSchema.safeParse(input).success).toBe(true);
  });

  it('names no figure for the adult interviews, and the young person as the Parents Interview’s child', () => {
    const aai = inputOf(
      draft({
        procedure: 'DMM-AAI',
        subject: personChoice(MOTHER),
        figure: personChoice(MOTHER),
        classification: 'C5',
      }),
    );
    expect(aai).toMatchObject({ subjectKind: 'parent_carer', subjectPersonId: MOTHER, figurePersonId: null });
    const pi = inputOf(draft({ procedure: 'PI', subject: personChoice(MOTHER), figure: YOUNG_PERSON }));
    expect(pi).toMatchObject({ figureIsYoungPerson: true, figurePersonId: null, figureName: null });
    const named = inputOf(
      draft({ procedure: 'SAA', figure: SOMEONE_ELSE, figureName: 'Grandmother (Mary Ellis)', classification: 'B3' }),
    );
    expect(named).toMatchObject({ figurePersonId: null, figureName: 'Grandmother (Mary Ellis)' });
  });

  it('refuses a code the DMM does not have, in the contract’s words, on the classification field', () => {
    expect(errorsOf(draft({ procedure: 'SAA', figure: YOUNG_PERSON, classification: 'B7' })).classification).toBe(
      'There is no B7: the B codes run from B1 to B5.',
    );
    expect(errorsOf(draft({ procedure: 'SAA', figure: SOMEONE_ELSE, classification: 'A/C' }))).toMatchObject({
      classification: 'Write A/C with both of its components, for example A4/C5.',
      figureName: 'Enter the name of the figure.',
    });
  });

  it('refuses a modifier the procedure does not take, on that modifier, and asks for the event of a Ul', () => {
    const errors = errorsOf(
      draft({
        procedure: 'SAA',
        figure: personChoice(MOTHER),
        classification: 'A3',
        modifiers: [newModifier('R', []), { ...newModifier('Ul', []), key: 5 }],
      }),
    );
    expect(errors['modifier-1']).toMatch(/takes only Ul, Utr, Dp, ina; R \(reorganising\) cannot be recorded on it/);
    expect(errors['modifier-5']).toBe('Say which loss or trauma the Ul is about (the figure or the event).');
  });

  it('asks for the figure, the date and the second coder’s resolution', () => {
    const errors = errorsOf(
      draft({ procedure: 'PAA', administeredOn: '31/02/2026', secondCoded: true, agreement: 'disagreed' }),
    );
    expect(errors).toMatchObject({
      figure: 'Choose the attachment figure.',
      administeredOn: '31/02/2026 is not a real date: February 2026 has 28 days.',
      secondCoderName: 'Name the second coder.',
      resolution: 'Say how the coders’ disagreement was resolved.',
    });
    expect(errorsOf(draft({})).procedure).toBe('Choose the procedure.');
  });

  it('takes a CARE-Index sheet that sums to 14 and refuses one that does not, with the sum', () => {
    const adult = { sensitive: '8', controlling: '4', unresponsive: '2' };
    const child = { cooperative: '7', compulsive: '3', difficult: '2', passive: '2' };
    const ici = inputOf(draft({ procedure: 'ICI', figure: personChoice(MOTHER), careAdult: adult, careChild: child }));
    expect(ici.careIndex).toEqual({
      adult: { sensitive: 8, controlling: 4, unresponsive: 2 },
      child: { cooperative: 7, compulsive: 3, difficult: 2, passive: 2 },
    });
    expect(ici.classification).toBeNull();
    const off = errorsOf(
      draft({
        procedure: 'ICI',
        figure: personChoice(MOTHER),
        careAdult: { ...adult, unresponsive: '0' },
        careChild: child,
      }),
    );
    expect(off['care-adult']).toBe("The adult's scales must add up to 14; they add up to 12.");
    const missing = errorsOf(draft({ procedure: 'ICI', figure: personChoice(MOTHER), careAdult: adult }));
    expect(missing['care-child-passive']).toBe('Score this scale (0 to 14).');
    // Nothing typed: not coded yet.
    expect(inputOf(draft({ procedure: 'TCI', figure: personChoice(MOTHER) })).careIndex).toBeNull();
  });
});

describe('the score sheet as typed', () => {
  it('reads scales and keeps a running sum', () => {
    expect(scaleValue(' 7 ')).toBe(7);
    expect(scaleValue('')).toBeNull();
    expect(scaleValue('15')).toBe('Enter a whole number from 0 to 14 (not 15).');
    expect(partnerSum({ a: '8', b: '4' }, ['a', 'b', 'c'])).toEqual({ sum: 12, complete: false });
    expect(sumText(12)).toBe('sum 12 of 14');
  });
});

describe('live reading', () => {
  it('parses the classification as typed, or says nothing while empty', () => {
    expect(classificationPreview('  ')).toBeNull();
    expect(classificationPreview('a4/c5')).toMatchObject({ text: 'A4/C5', tier: 'high' });
    expect(typeof classificationPreview('D1')).toBe('string');
  });

  it('warns of an age outside the procedure and a code earlier than usual', () => {
    // Born 14/03/2012: 13 years 10 months on 10/02/2026, past the SAA's 12 years 11 months.
    const warnings = draftWarnings(draft({ procedure: 'SAA', classification: 'C7' }), '2012-03-14');
    expect(warnings.map((w) => w.key)).toEqual(['age-outside-procedure', 'code-earlier-than-usual']);
    expect(warnings[0]?.message).toBe(
      'The person was 13 years 10 months old; the School-age Assessment of Attachment is for about 5-12 years.',
    );
    expect(draftWarnings(draft({ procedure: 'SAA', classification: 'B3' }), null)).toEqual([]);
    expect(draftWarnings(draft({ procedure: 'SAA', classification: 'B3' }), '2016-01-01')).toEqual([]);
  });
});

describe('draftOf', () => {
  it('fills the form from a saved procedure and gives back the same input', () => {
    const view: ProcedureView = {
      id: '5d0c7a52-3f4e-4b6a-9c10-000000000010',
      caseId: '5d0c7a52-3f4e-4b6a-9c10-000000000011',
      procedure: 'DMM-AAI',
      procedureLabel: 'DMM-AAI (Adult Attachment Interview (DMM coding))',
      subjectKind: 'parent_carer',
      subjectPersonId: MOTHER,
      subjectName: 'Sam Ellis',
      relationship: 'Mother',
      figurePersonId: null,
      figureName: null,
      figureIsYoungPerson: false,
      figureLabel: null,
      administeredOn: '2026-02-11',
      administeredBy: WORKER,
      administeredByName: 'Chris Clarke',
      ageMonths: 480,
      recordingDocumentIds: [],
      transcriptStatus: 'checked',
      coderName: 'Dr Rowe',
      coderReliable: true,
      blindCoded: null,
      secondCoding: { coderName: 'Dr Okafor', agreement: 'agreed', resolution: null },
      classification: 'C5',
      classificationMeaning: 'punitive',
      modifiers: [
        { code: 'R', about: null, forms: [], otherForm: null, target: 'B', text: 'R (towards B)' },
        {
          code: 'Ul',
          about: 'her father',
          forms: ['other'],
          otherForm: 'suspended',
          target: null,
          text: 'Ul (her father: suspended)',
        },
      ],
      careIndex: null,
      tier: 'high',
      warnings: [],
      notes: null,
      version: 3,
    };
    const d = draftOf(view);
    expect(d).toMatchObject({ subject: personChoice(MOTHER), administeredOn: '11/02/2026', secondCoded: true });
    expect(inputOf(d)).toMatchObject({
      procedure: 'DMM-AAI',
      subjectPersonId: MOTHER,
      classification: 'C5',
      transcriptStatus: 'checked',
      secondCoding: { coderName: 'Dr Okafor', agreement: 'agreed', resolution: null },
      modifiers: [
        { code: 'R', target: 'B' },
        { code: 'Ul', about: 'her father', forms: ['other'], otherForm: 'suspended' },
      ],
    });
  });
});
