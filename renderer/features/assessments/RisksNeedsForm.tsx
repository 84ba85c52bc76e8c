import { useState, type FormEvent } from 'react';
import {
  AIM3_LEVELS,
  ERASOR_RATINGS,
  RISK_LEVELS,
  type AssessmentPatch,
  type AssessmentView,
} from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/api';
import { SelectField, TextAreaField } from '../cases/case-page/fields';
import { updateAssessment } from './assessment-actions';
import { LEVEL_WORDS, NEEDS, RISKS } from './labels';
import styles from './AssessmentTab.module.css';

const levelOptions = (levels: readonly string[]) => [
  { value: '', label: 'Not rated' },
  ...levels.map((l) => ({ value: l, label: LEVEL_WORDS[l] ?? l })),
];

type Key = keyof AssessmentPatch;
type Values = Record<Key, string>;

function valuesOf(a: AssessmentView): Values {
  const out = {} as Values;
  for (const k of Object.keys(a) as (keyof AssessmentView)[]) {
    const v = a[k];
    if (typeof v === 'string' || typeof v === 'number') (out as Record<string, string>)[k] = String(v);
  }
  return out;
}

/** Empty text is "not recorded" (null); J-SOAP-II is a whole percentage. */
function toPatch(v: Values, keys: readonly Key[]): AssessmentPatch | string {
  const patch: Record<string, unknown> = {};
  for (const k of keys) {
    const text = (v[k] ?? '').trim();
    if (k === 'jsoapPercent') {
      if (text && !/^\d{1,3}$/.test(text)) return 'Enter the J-SOAP-II result as a whole percentage from 0 to 100.';
      const n = text ? Number(text) : null;
      if (n !== null && n > 100) return 'Enter the J-SOAP-II result as a whole percentage from 0 to 100.';
      patch[k] = n;
    } else patch[k] = text || null;
  }
  return patch as AssessmentPatch;
}

/**
 * One form for a part of the assessment's own fields, saved together: risks and needs (with
 * the optional instrument results, domain level only), or the formulation.
 */
export function AssessmentFieldsForm({
  assessment,
  part,
}: {
  assessment: AssessmentView;
  part: 'risks' | 'formulation';
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(assessment));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: Key) => (v: string) => setValues((old) => ({ ...old, [k]: v }));
  const keys: Key[] =
    part === 'formulation'
      ? ['formulation']
      : [
          ...RISKS.flatMap(([l, r]) => [l, r]),
          'protectiveFactors',
          ...NEEDS.map(([k]) => k),
          'aim3Concern',
          'aim3Supervision',
          'erasorOverall',
          'jsoapPercent',
        ];
  const heading = part === 'formulation' ? 'Formulation' : 'Risks and needs';
  const id = `assessment-${part}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const patch = toPatch(values, keys);
    setSaved(null);
    if (typeof patch === 'string') {
      setError(patch);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await updateAssessment(patch);
      setSaved(`${heading} saved.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const readOnly = assessment.state !== 'open';
  return (
    <form noValidate onSubmit={submit} className={`case-form ${styles.section}`} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{heading}</h4>
      <FormError id={`${id}-error`}>{error}</FormError>
      <div role="status" className={saved ? 'result result--ok' : 'visually-hidden'}>
        {saved}
      </div>
      {part === 'formulation' ? (
        <TextAreaField
          id="assessment-formulation-text"
          label="Making sense of the behaviour"
          hint="Trauma-informed and attachment-based: what led to the behaviour, what keeps it going, what protects."
          value={values.formulation ?? ''}
          onValueChange={set('formulation')}
          rows={8}
        />
      ) : (
        <>
          {RISKS.map(([level, rationale, label]) => (
            <fieldset key={level} className={styles.fieldset}>
              <legend>{label}</legend>
              <SelectField
                id={`assessment-${level}`}
                label="Level"
                value={values[level] ?? ''}
                onValueChange={set(level)}
                options={levelOptions(RISK_LEVELS)}
              />
              <TextAreaField
                id={`assessment-${rationale}`}
                label="Rationale"
                value={values[rationale] ?? ''}
                onValueChange={set(rationale)}
                rows={2}
              />
            </fieldset>
          ))}
          <TextAreaField
            id="assessment-protectiveFactors"
            label="Protective factors"
            value={values.protectiveFactors ?? ''}
            onValueChange={set('protectiveFactors')}
            rows={3}
          />
          <fieldset className={styles.fieldset}>
            <legend>Needs by domain</legend>
            {NEEDS.map(([k, label]) => (
              <TextAreaField
                key={k}
                id={`assessment-${k}`}
                label={label}
                value={values[k] ?? ''}
                onValueChange={set(k)}
                rows={2}
              />
            ))}
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend>Structured tools (optional, entered by a trained user)</legend>
            <div className="form-columns">
              <SelectField
                id="assessment-aim3Concern"
                label="AIM3 concern level"
                value={values.aim3Concern ?? ''}
                onValueChange={set('aim3Concern')}
                options={levelOptions(AIM3_LEVELS)}
              />
              <SelectField
                id="assessment-aim3Supervision"
                label="AIM3 supervision level"
                value={values.aim3Supervision ?? ''}
                onValueChange={set('aim3Supervision')}
                options={levelOptions(AIM3_LEVELS)}
              />
              <SelectField
                id="assessment-erasorOverall"
                label="ERASOR 2.0 overall rating"
                value={values.erasorOverall ?? ''}
                onValueChange={set('erasorOverall')}
                options={levelOptions(ERASOR_RATINGS)}
              />
              <TextField
                id="assessment-jsoapPercent"
                label="J-SOAP-II (% of maximum)"
                hint="0 to 100"
                value={values.jsoapPercent ?? ''}
                onValueChange={set('jsoapPercent')}
                inputMode="numeric"
                autoComplete="off"
              />
            </div>
          </fieldset>
        </>
      )}
      {!readOnly && (
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : `Save ${heading.toLowerCase()}`}
        </button>
      )}
    </form>
  );
}
