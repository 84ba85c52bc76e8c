import { TextField } from '../../components/TextField';
import { CheckboxField } from '../cases/case-page/fields';
import { nextBand, type DraftBand, type DraftScale } from './catalogue-draft';
import styles from './InstrumentCatalogue.module.css';

/**
 * One scale of the catalogue editor: its name, range, whether it is whole numbers, and its
 * bands from lowest to highest. The reason the bands do not hold together shows on the fieldset.
 */
export function ScaleEditor(props: {
  index: number;
  scale: DraftScale;
  problem: string | null;
  onChange: (s: DraftScale) => void;
  onRemove: (() => void) | null;
}) {
  const { index, scale, problem, onChange, onRemove } = props;
  const id = `scale-${index}`;
  const setBand = (i: number, b: Partial<DraftBand>) =>
    onChange({ ...scale, bands: scale.bands.map((x, j) => (j === i ? { ...x, ...b } : x)) });
  const title = scale.name.trim() || `Scale ${index + 1}`;
  return (
    <fieldset className={`fieldset ${styles.scale}`} aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend>{title}</legend>
      {problem && (
        <p className="field__error" id={`${id}-problem`}>
          <span className="visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      <div className={styles.scaleFields}>
        <TextField
          id={`${id}-name`}
          label="Scale name"
          value={scale.name}
          onValueChange={(name) => onChange({ ...scale, name })}
        />
        <TextField
          id={`${id}-min`}
          label="Lowest score"
          value={scale.min}
          inputMode="decimal"
          onValueChange={(min) => onChange({ ...scale, min })}
        />
        <TextField
          id={`${id}-max`}
          label="Highest score"
          value={scale.max}
          inputMode="decimal"
          onValueChange={(max) => onChange({ ...scale, max })}
        />
      </div>
      <CheckboxField
        id={`${id}-integer`}
        label="Whole numbers only"
        checked={scale.integer}
        onCheckedChange={(integer) => onChange({ ...scale, integer })}
        hint={
          scale.integer
            ? 'Each band starts one point after the one before ends.'
            : 'Each band starts where the one before ends; a score on the boundary is in the higher band.'
        }
      />
      <h5 className={styles.bandsHeading}>Bands of {title}, lowest first</h5>
      {scale.bands.length === 0 && <p className="muted">No bands yet: scores are recorded without a band.</p>}
      {scale.bands.map((b, i) => (
        <div key={i} className={styles.bandRow} role="group" aria-label={`${title}: band ${i + 1}`}>
          <TextField
            id={`${id}-band-${i}-from`}
            label="From"
            value={b.from}
            inputMode="decimal"
            onValueChange={(from) => setBand(i, { from })}
          />
          <TextField
            id={`${id}-band-${i}-to`}
            label="To"
            value={b.to}
            inputMode="decimal"
            onValueChange={(to) => setBand(i, { to })}
          />
          <TextField
            id={`${id}-band-${i}-label`}
            label="Label"
            value={b.label}
            onValueChange={(label) => setBand(i, { label })}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange({ ...scale, bands: scale.bands.filter((_x, j) => j !== i) })}
          >
            Remove band
            <span className="visually-hidden">
              {' '}
              {i + 1} of {title}
            </span>
          </button>
        </div>
      ))}
      <div className={styles.actions}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange({ ...scale, bands: [...scale.bands, nextBand(scale)] })}
        >
          Add a band<span className="visually-hidden"> to {title}</span>
        </button>
        {onRemove && (
          <button type="button" className="button button--secondary" onClick={onRemove}>
            Remove scale<span className="visually-hidden"> {title}</span>
          </button>
        )}
      </div>
    </fieldset>
  );
}
