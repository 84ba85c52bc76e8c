/** Administrators: when a carer has completed the programme. Every carer's completion follows a change. */
import { useState, type FormEvent } from 'react';
import { DEFAULT_COMPLETION_RULE, type CompletionRule } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { CheckboxField, TextField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { updateRule } from './safe-home-actions';

export function CompletionRuleForm({ rule }: { rule: CompletionRule }) {
  const [percent, setPercent] = useState(String(rule.minAttendancePercent));
  const [safetyPlan, setSafetyPlan] = useState(rule.requireSafetyPlanSession);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setSaved(null);
    const n = Number(percent.trim());
    if (!/^\d+$/.test(percent.trim()) || n < 1 || n > 100) {
      setError('Enter a whole percentage from 1 to 100.');
      document.getElementById('rule-percent')?.focus();
      return;
    }
    setError(null);
    try {
      await updateRule({ minAttendancePercent: n, requireSafetyPlanSession: safetyPlan });
      setSaved('The completion rule was saved. Every carer’s completion now follows it.');
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  const d = DEFAULT_COMPLETION_RULE;
  return (
    <form noValidate onSubmit={submit} className="case-form section" aria-labelledby="rule-heading">
      <h3 id="rule-heading">Completion rule</h3>
      <p>
        A carer has completed the programme when they attended at least this share of the run’s planned sessions
        (catch-ups cover themes but do not count) and, if asked for, a session covering the safety plan. The default is{' '}
        {d.minAttendancePercent} % and the safety-plan session.
      </p>
      <TextField
        id="rule-percent"
        label="Share of planned sessions attended (%)"
        inputMode="numeric"
        autoComplete="off"
        value={percent}
        onValueChange={setPercent}
        error={error}
      />
      <CheckboxField
        id="rule-safety-plan"
        label="The carer must also attend the safety-plan session"
        checked={safetyPlan}
        onCheckedChange={setSafetyPlan}
      />
      <FormError id="rule-error">{formError}</FormError>
      <p role="status" className={saved ? 'result result--ok' : 'visually-hidden'}>
        {saved}
      </p>
      <button type="submit" className="button">
        Save the rule
      </button>
    </form>
  );
}
