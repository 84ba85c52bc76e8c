import type { ReactNode } from 'react';
import { describedBy, FieldMessages } from './FieldFrame';

/**
 * How a group sits: `plain` (a field's worth of space), `inline` (a compact group with a
 * field's margin), `row` (one of a row of filters), `section` (a part of a long form).
 */
type GroupLook = 'plain' | 'inline' | 'row' | 'section';

const GROUP_CLASS: Record<GroupLook, string> = {
  plain: 'fieldset',
  inline: 'fieldset-inline field',
  row: 'fieldset-inline',
  section: 'form-section',
};
const LEGEND_CLASS: Record<GroupLook, string> = {
  plain: 'field__label',
  inline: 'field__label',
  row: 'field__label',
  section: 'form-section__legend',
};

/**
 * Controls that answer one question, in a fieldset whose legend asks it (a screen reader says
 * the legend on entering the group). Its hint and error are described to the whole group.
 */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  look = 'plain',
  children,
}: {
  /** Gives the hint and error their ids (`<id>-hint`, `<id>-error`). */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | null;
  look?: GroupLook;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={error ? `${GROUP_CLASS[look]} fieldset--error` : GROUP_CLASS[look]}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className={LEGEND_CLASS[look]}>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

/** One box of a CheckboxGroup: its value and the words beside it. */
export interface Choice<V extends string = string> {
  value: V;
  label: string;
}

/** How the boxes of a CheckboxGroup sit (and which FieldGroup look holds them). */
const BOXES: Record<'compact' | 'column' | 'row', { group: GroupLook; box: string; wrap: string | null }> = {
  compact: { group: 'plain', box: 'checkbox checkbox--compact', wrap: null },
  column: { group: 'inline', box: 'checkbox checkbox--small', wrap: 'checkbox-column' },
  row: { group: 'row', box: 'checkbox checkbox--small', wrap: 'checkbox-row' },
};

/**
 * A set of checkboxes under one legend, for choosing several of a list (services, workers,
 * statuses). Each box's id is `<id>-<value>`. `compact` packs full-size boxes for the case
 * page's forms; `column` and `row` use the smaller boxes of the new-referral form and the
 * caseload filters.
 */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  hint,
  choices,
  value,
  onChange,
  look = 'compact',
}: {
  id: string;
  legend: string;
  hint?: string;
  choices: readonly Choice<V>[];
  value: readonly V[];
  onChange: (chosen: V[]) => void;
  look?: keyof typeof BOXES;
}) {
  const { group, box, wrap } = BOXES[look];
  const boxes = choices.map((c) => (
    <div className={box} key={c.value}>
      <input
        id={`${id}-${c.value}`}
        type="checkbox"
        checked={value.includes(c.value)}
        onChange={(e) => onChange(e.target.checked ? [...value, c.value] : value.filter((v) => v !== c.value))}
      />
      <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
    </div>
  ));
  return (
    <FieldGroup id={id} legend={legend} hint={hint} look={group}>
      {wrap ? <div className={wrap}>{boxes}</div> : boxes}
    </FieldGroup>
  );
}
