/**
 * The plan form's Goal Based Outcomes: up to three, each in one of the service's aims (or
 * another of the young person's), in their words, with an optional baseline rating when the
 * goal is set. A goal already on the plan keeps its number and takes no baseline (its ratings
 * are history); removing one that has been rated is refused by the core, which says so.
 */
import { useRef } from 'react';
import { GOAL_AREA_LABELS, MAX_GOALS } from '../../../preload/contract/interventions';
import { FieldGroup, SelectField, TextAreaField, TextField, optionsOf } from '../../components/fields';
import { goalField, nextGoalKey, type GoalDraft, type PlanErrors } from './plan-draft';
import styles from './Interventions.module.css';

export function GoalFields(props: {
  idPrefix: string;
  goals: GoalDraft[];
  onChange: (goals: GoalDraft[]) => void;
  errors: PlanErrors;
}) {
  const { idPrefix, goals, onChange, errors } = props;
  const addButton = useRef<HTMLButtonElement>(null);
  const id = (key: number, part: 'area' | 'description' | 'baseline') => `${idPrefix}-${goalField(key, part)}`;
  const set = (key: number, patch: Partial<GoalDraft>) =>
    onChange(goals.map((g) => (g.key === key ? { ...g, ...patch } : g)));

  // A saved goal keeps its number; a goal added to a saved plan gets its number when saved.
  const editing = goals.some((g) => g.id);
  const goalLegend = (g: GoalDraft, i: number) => (g.id ? `Goal ${g.key}` : editing ? 'New goal' : `Goal ${i + 1}`);

  function add() {
    const key = nextGoalKey(goals);
    onChange([...goals, { key, id: null, area: 'other', description: '', baseline: '' }]);
    // The new goal's words are where the keyboard user wants to be next.
    requestAnimationFrame(() => document.getElementById(id(key, 'description'))?.focus());
  }

  function remove(key: number) {
    onChange(goals.filter((g) => g.key !== key));
    requestAnimationFrame(() => addButton.current?.focus());
  }

  return (
    <FieldGroup
      id={`${idPrefix}-goals`}
      legend="Goal Based Outcomes"
      hint={`Up to ${MAX_GOALS} goals, each rated from 0 (not at all met) to 10 (fully met). A new plan offers one goal in each of the service’s aims.`}
      error={errors.goals}
      look="section"
    >
      {goals.map((g, i) => (
        <fieldset key={g.key} className={`fieldset ${styles.goalFields}`}>
          <legend className="field__label">{goalLegend(g, i)}</legend>
          <SelectField
            id={id(g.key, 'area')}
            label="Area"
            value={g.area}
            onValueChange={(area) => set(g.key, { area })}
            options={optionsOf(GOAL_AREA_LABELS)}
            error={errors[goalField(g.key, 'area')]}
          />
          <TextAreaField
            id={id(g.key, 'description')}
            label="The goal, in the young person’s words"
            value={g.description}
            onValueChange={(description) => set(g.key, { description })}
            error={errors[goalField(g.key, 'description')]}
            rows={2}
          />
          {!g.id && (
            <TextField
              id={id(g.key, 'baseline')}
              label="Baseline rating (optional)"
              hint="0 to 10, as the young person rates the goal now."
              value={g.baseline}
              onValueChange={(baseline) => set(g.key, { baseline })}
              error={errors[goalField(g.key, 'baseline')]}
              inputMode="numeric"
              autoComplete="off"
              inputClassName={styles.narrowInput}
            />
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => remove(g.key)}>
            Remove this goal<span className="visually-hidden"> ({g.description || `goal ${i + 1}`})</span>
          </button>
        </fieldset>
      ))}
      {goals.length < MAX_GOALS && (
        <button ref={addButton} type="button" className="button button--secondary button--small" onClick={add}>
          Add a goal
        </button>
      )}
    </FieldGroup>
  );
}
