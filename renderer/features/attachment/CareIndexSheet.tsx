/**
 * The CARE-Index score sheet: the adult's three scales and the child's four (or the toddler's
 * five), each 0-14. Each partner's running sum shows beside them ("sum 12 of 14"), and the
 * sensitivity band follows the adult's sensitive scale as it is typed.
 */
import {
  ADULT_SCALES,
  CARE_INDEX_TOTAL,
  CHILD_SCALES,
  DMM_PROCEDURES,
  sensitivityBand,
  type DmmProcedureCode,
} from '../../../preload/contract/dmm';
import { FieldGroup, TextField } from '../../components/fields';
import { partnerSum, scaleValue, sumText } from './live-reading';
import type { DraftErrors } from './procedure-draft';
import { TierBadge } from './TierBadge';
import styles from './ProcedureForm.module.css';

function Partner({
  who,
  legend,
  scales,
  values,
  errors,
  onChange,
}: {
  who: 'adult' | 'child';
  legend: string;
  scales: readonly { key: string; label: string }[];
  values: Record<string, string>;
  errors: DraftErrors;
  onChange: (v: Record<string, string>) => void;
}) {
  const { sum, complete } = partnerSum(
    values,
    scales.map((s) => s.key),
  );
  const off = complete && sum !== CARE_INDEX_TOTAL;
  const id = `care-${who}`;
  return (
    <FieldGroup id={id} legend={legend} error={errors[id]}>
      {/* The running sum is announced as it changes; "not 14" is said in words, not by colour. */}
      <p className={off ? `${styles.sum} ${styles.sumOff}` : styles.sum} role="status" data-testid={`${id}-sum`}>
        <span className="visually-hidden">{legend}: </span>
        {sumText(sum)}
        {off ? ` (they must add up to ${CARE_INDEX_TOTAL})` : ''}
        {!complete && sum > 0 ? ' so far' : ''}
      </p>
      <div className={styles.scaleGrid}>
        {scales.map((s) => (
          <TextField
            key={s.key}
            id={`${id}-${s.key}`}
            label={s.label}
            value={values[s.key] ?? ''}
            onValueChange={(v) => onChange({ ...values, [s.key]: v })}
            error={errors[`${id}-${s.key}`] ?? null}
            inputMode="numeric"
            autoComplete="off"
            inputClassName={styles.scaleInput}
          />
        ))}
      </div>
    </FieldGroup>
  );
}

export function CareIndexSheet({
  procedure,
  adult,
  child,
  errors,
  onAdult,
  onChild,
}: {
  procedure: DmmProcedureCode;
  adult: Record<string, string>;
  child: Record<string, string>;
  errors: DraftErrors;
  onAdult: (v: Record<string, string>) => void;
  onChild: (v: Record<string, string>) => void;
}) {
  const variant = DMM_PROCEDURES[procedure].childScales ?? 'infant';
  const sensitive = scaleValue(adult.sensitive ?? '');
  const band = typeof sensitive === 'number' ? sensitivityBand(sensitive) : null;
  return (
    <FieldGroup
      id="care-index"
      legend="CARE-Index scores"
      hint={`Each scale 0 to ${CARE_INDEX_TOTAL}; each partner’s scales add up to ${CARE_INDEX_TOTAL}. Leave them all empty until it is coded.`}
      look="section"
    >
      <Partner who="adult" legend="Adult" scales={ADULT_SCALES} values={adult} errors={errors} onChange={onAdult} />
      <Partner
        who="child"
        legend={variant === 'toddler' ? 'Toddler' : 'Infant'}
        scales={CHILD_SCALES[variant]}
        values={child}
        errors={errors}
        onChange={onChild}
      />
      <p className={styles.band} role="status" data-testid="care-band">
        {band ? (
          <>
            Sensitivity band: <strong>{band.label}</strong> <TierBadge tier={band.tier} />
          </>
        ) : (
          'The sensitivity band shows when the adult’s sensitive scale is scored.'
        )}
      </p>
    </FieldGroup>
  );
}
