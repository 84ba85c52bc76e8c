import { MAX_GOALS } from './labels';
import { TextField } from '../../components/fields';
import { RatingSelect } from './RatingSelect';

export interface GoalDraft {
  description: string;
  baseline: number | null;
}

/** Up to three goals in the carer's words, each with its rating at the start. */
export function GoalRows({
  goals,
  onChange,
  errors,
  idPrefix,
}: {
  goals: readonly GoalDraft[];
  onChange: (goals: GoalDraft[]) => void;
  errors: Record<string, string | null>;
  idPrefix: string;
}) {
  const set = (i: number, patch: Partial<GoalDraft>) =>
    onChange(goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <fieldset className="fieldset">
      <legend className="field__label">Goals (optional, up to {MAX_GOALS})</legend>
      {goals.map((g, i) => (
        <div key={i} className="form-columns">
          <TextField
            id={`${idPrefix}-${i}`}
            label={`Goal ${i + 1}, in the carer’s words`}
            value={g.description}
            onValueChange={(description) => set(i, { description })}
            error={errors[`${idPrefix}-${i}`]}
          />
          <RatingSelect
            id={`${idPrefix}-${i}-baseline`}
            label={`Goal ${i + 1} at the start (0-10)`}
            value={g.baseline}
            onChange={(baseline) => set(i, { baseline })}
          />
          <button type="button" className="link-button" onClick={() => onChange(goals.filter((_, j) => j !== i))}>
            Remove goal {i + 1}
          </button>
        </div>
      ))}
      {goals.length < MAX_GOALS && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange([...goals, { description: '', baseline: null }])}
        >
          Add a goal
        </button>
      )}
    </fieldset>
  );
}
