/**
 * The dashboard's period: this month, last month, the last 12 months (the default), this
 * financial year, or dates typed as dd/mm/yyyy. A preset applies as soon as it is chosen (arrow
 * keys move through them); typed dates apply with "Show figures", after the same checks the
 * other date forms make.
 */
import { useState, type FormEvent } from 'react';
import type { StatisticsPeriod } from '../../../preload/contract';
import { DateField } from '../../components/fields';
import { checkUkDate, isoToUk, parseUkDate, todayIso } from '../cases/case-page/uk-date';
import { RadioGroup } from '../consultations/ChoiceFields';
import { PERIOD_CHOICES, periodFor, type PeriodChoice } from './periods';
import styles from './Dashboard.module.css';

export function PeriodChooser(props: {
  choice: PeriodChoice;
  period: StatisticsPeriod;
  onChange: (choice: PeriodChoice, period: StatisticsPeriod) => void;
}) {
  const [from, setFrom] = useState(isoToUk(props.period.from));
  const [to, setTo] = useState(isoToUk(props.period.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  function choose(choice: PeriodChoice) {
    if (choice === 'custom') {
      // Start from the period on screen, so the dates only need changing.
      setFrom(isoToUk(props.period.from));
      setTo(isoToUk(props.period.to));
      props.onChange('custom', props.period);
      return;
    }
    props.onChange(choice, periodFor(choice, todayIso()));
  }

  function apply(e: FormEvent) {
    e.preventDefault();
    const found = {
      from: checkUkDate(from, 'start of the period', true) ?? undefined,
      to: checkUkDate(to, 'end of the period', true) ?? undefined,
    };
    const fromIso = parseUkDate(from);
    const toIso = parseUkDate(to);
    if (!found.to && fromIso && toIso && toIso < fromIso)
      found.to = 'The end of the period cannot be before its start.';
    setErrors(found);
    if (found.from || found.to || !fromIso || !toIso) return;
    props.onChange('custom', { from: fromIso, to: toIso });
  }

  return (
    <form className={styles.periodForm} onSubmit={apply} noValidate aria-label="Period of the figures">
      <RadioGroup
        id="dashboard-period"
        legend="Period"
        value={props.choice}
        onChange={choose}
        options={PERIOD_CHOICES}
        inline
      />
      {props.choice === 'custom' && (
        <div className={styles.customDates}>
          <DateField
            id="dashboard-from"
            label="From"
            value={from}
            onValueChange={setFrom}
            error={errors.from}
            inputClassName="field__input--date"
          />
          <DateField
            id="dashboard-to"
            label="To"
            value={to}
            onValueChange={setTo}
            error={errors.to}
            inputClassName="field__input--date"
          />
          <div className="button-row">
            <button type="submit" className="button button--secondary">
              Show figures
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
