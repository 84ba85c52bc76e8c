/**
 * Who a procedure is about: the person assessed (the young person, or one of the case's parents
 * or carers) and, as the procedure says (`DMM_PROCEDURES[code].figure`), the child's attachment
 * figure, the child a parent spoke about in the Parents Interview, or no one.
 */
import type { CaseDetail } from '../../../preload/contract';
import type { DmmFigureRule } from '../../../preload/contract/dmm';
import { SelectField, TextField, type Option } from '../../components/fields';
import { SOMEONE_ELSE, YOUNG_PERSON, personChoice, type DraftErrors, type ProcedureDraft } from './procedure-draft';

export function youngPersonName(detail: CaseDetail): string {
  const yp = detail.youngPerson;
  return [yp.givenName, yp.familyName].filter(Boolean).join(' ') || yp.initials || 'The young person';
}

/** The young person, then each parent or carer with their relationship. */
export function subjectChoices(detail: CaseDetail): Option[] {
  return [
    { value: YOUNG_PERSON, label: `${youngPersonName(detail)} (young person)` },
    ...detail.people
      .filter((p) => p.kind === 'parent_carer')
      .map((p) => ({ value: personChoice(p.id), label: p.relationship ? `${p.name} (${p.relationship})` : p.name })),
  ];
}

/** The date of birth of the person chosen as the subject, for the age warnings (null when not held). */
export function subjectDateOfBirth(detail: CaseDetail, subject: string): string | null {
  if (subject === YOUNG_PERSON) return detail.youngPerson.dateOfBirth;
  return detail.people.find((p) => personChoice(p.id) === subject)?.dateOfBirth ?? null;
}

function figureOptions(detail: CaseDetail, rule: DmmFigureRule, subject: string): Option[] {
  const named = (p: CaseDetail['people'][number]) => (p.relationship ? `${p.name} (${p.relationship})` : p.name);
  if (rule === 'named-child') {
    return [
      { value: '', label: 'Choose…' },
      { value: YOUNG_PERSON, label: `${youngPersonName(detail)} (the young person)` },
      ...detail.people
        .filter((p) => p.kind === 'sibling' || p.kind === 'household_child')
        .map((p) => ({ value: personChoice(p.id), label: named(p) })),
    ];
  }
  return [
    { value: '', label: 'Choose…' },
    // A strategy is with someone else: the person assessed is not offered as their own figure.
    ...detail.people
      .filter((p) => p.kind === 'parent_carer' && personChoice(p.id) !== subject)
      .map((p) => ({ value: personChoice(p.id), label: named(p) })),
    { value: SOMEONE_ELSE, label: 'Someone not on the case (name them)' },
  ];
}

/** The figure or named child, as the procedure asks; nothing for the adult interviews. */
export function FigureField({
  draft,
  set,
  detail,
  rule,
  errors,
}: {
  draft: ProcedureDraft;
  set: <K extends keyof ProcedureDraft>(key: K) => (value: ProcedureDraft[K]) => void;
  detail: CaseDetail;
  rule: DmmFigureRule;
  errors: DraftErrors;
}) {
  if (rule === 'none') {
    return <p className="muted">The adult interviews classify a state of mind: no attachment figure is named.</p>;
  }
  const label = rule === 'named-child' ? 'The child spoken about' : 'Attachment figure';
  const hint =
    rule === 'attachment-figure'
      ? 'Strategies are relationship-specific: the figure this one is with.'
      : 'The young person, or a child from the case’s people (add them on the People tab).';
  return (
    <div>
      <SelectField
        id="procedure-figure"
        label={label}
        hint={hint}
        value={draft.figure}
        onValueChange={set('figure')}
        error={errors.figure ?? null}
        options={figureOptions(detail, rule, draft.subject)}
      />
      {draft.figure === SOMEONE_ELSE && (
        <TextField
          id="procedure-figure-name"
          label={rule === 'named-child' ? 'Name of the child' : 'Name and relationship of the figure'}
          value={draft.figureName}
          onValueChange={set('figureName')}
          error={errors.figureName ?? null}
          autoComplete="off"
        />
      )}
    </div>
  );
}
