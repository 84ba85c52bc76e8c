/**
 * Record or edit a training event: the package it delivered (or a new package, named here), who
 * commissioned it, when and how it was delivered, by whom, to how many, and the evaluation.
 * An event recorded in error is removed with a reason.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  TRAINING_DELIVERY_LABELS,
  TRAINING_SECTOR_LABELS,
  type TrainingEventView,
  type TrainingSector,
} from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { DateField, SelectField, TextAreaField, TextField, optionsOf } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { useSessionStore } from '../../stores/session';
import { RadioGroup } from '../consultations/ChoiceFields';
import { ChoiceBoxes } from './ChoiceBoxes';
import { RemoveWithReasonDialog } from '../cases/case-page/RemoveWithReasonDialog';
import {
  checkEventFields,
  emptyEventFields,
  eventFieldsFrom,
  NEW_PACKAGE,
  type EventErrors,
  type EventFields,
} from './event-form-model';
import { getEvent, removeEvent, saveEvent, savePackage, show } from './training-actions';
import { useTrainingStore } from './training-store';
import styles from './Training.module.css';

const SECTORS = optionsOf(TRAINING_SECTOR_LABELS);

export function EventForm({ eventId }: { eventId: string | null }) {
  const packages = useTrainingStore((s) => s.packages) ?? [];
  const trainers = useTrainingStore((s) => s.trainers) ?? [];
  const me = useSessionStore((s) => s.user?.id ?? null);
  const [saved, setSaved] = useState<TrainingEventView | null>(null);
  const [f, setF] = useState<EventFields>(() => emptyEventFields(packages[0]?.id ?? null, me));
  const [errors, setErrors] = useState<EventErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useFocusOnMount<HTMLHeadingElement>(saved?.id ?? eventId);

  useEffect(() => {
    if (!eventId) return;
    getEvent(eventId)
      .then((e) => {
        setSaved(e);
        setF(eventFieldsFrom(e));
      })
      .catch((err: unknown) => setFailure(errorMessage(err)));
  }, [eventId]);

  const set =
    <K extends keyof EventFields>(k: K) =>
    (v: EventFields[K]) => {
      setF((old) => ({ ...old, [k]: v }));
      setErrors((old) => ({ ...old, [k]: undefined }));
    };
  const chosen = packages.find((p) => p.id === f.packageId) ?? null;
  const versions = chosen
    ? Array.from({ length: chosen.currentMaterialsVersion }, (_, i) => String(chosen.currentMaterialsVersion - i))
    : [];

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const checked = checkEventFields(f);
    setErrors(checked.errors);
    setFailure(null);
    if (!checked.event) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      let packageId = f.packageId;
      if (checked.newPackage) {
        packageId = (await savePackage(null, checked.newPackage)).id;
        // The package exists now: a failure below must not make it twice on the next try.
        setF((old) => ({ ...old, packageId, newPackageTitle: '', newPackageSectors: [] }));
      }
      const event = await saveEvent(saved, { ...checked.event, packageId });
      show({ kind: 'list' }, `${saved ? 'Saved' : 'Recorded'} “${event.title}”.`);
    } catch (err) {
      setFailure(errorMessage(err));
      setBusy(false);
    }
  }

  const field = (k: 'title' | 'organisation' | 'coTrainers', label: string, hint?: string) => (
    <TextField
      id={`training-${k}`}
      label={label}
      hint={hint}
      value={f[k]}
      onValueChange={set(k)}
      error={errors[k]}
      autoComplete="off"
    />
  );
  const numberField = (
    k: 'attendees' | 'evaluationsReturned' | 'preConfidence' | 'postConfidence',
    label: string,
    hint?: string,
  ) => (
    <TextField
      id={`training-${k}`}
      label={label}
      hint={hint}
      value={f[k]}
      onValueChange={set(k)}
      error={errors[k]}
      inputMode="decimal"
      autoComplete="off"
      inputClassName={styles.numberInput}
    />
  );

  return (
    <section aria-labelledby="training-event-heading" className="section">
      <h2 id="training-event-heading" ref={heading} tabIndex={-1}>
        {eventId ? `Edit ${saved ? `“${saved.title}”` : 'event'}` : 'Record a training event'}
      </h2>
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        className={`case-form ${styles.form}`}
        aria-labelledby="training-event-heading"
      >
        <FormError id="training-event-error">{failure}</FormError>
        {field('title', 'Title')}
        <SelectField
          id="training-packageId"
          label="Package delivered"
          value={f.packageId}
          onValueChange={set('packageId')}
          error={errors.packageId}
          options={[
            ...packages.map((p) => ({ value: p.id, label: p.title })),
            { value: NEW_PACKAGE, label: 'New package…' },
          ]}
        />
        {f.packageId === NEW_PACKAGE && (
          <div className={styles.newPackage}>
            <TextField
              id="training-newPackageTitle"
              label="New package title"
              value={f.newPackageTitle}
              onValueChange={set('newPackageTitle')}
              error={errors.newPackageTitle}
              autoComplete="off"
            />
            <ChoiceBoxes<TrainingSector>
              id="training-newPackageSectors"
              legend="Who the package is for"
              choices={SECTORS}
              value={f.newPackageSectors}
              onChange={set('newPackageSectors')}
              error={errors.newPackageSectors}
            />
          </div>
        )}
        {chosen && versions.length > 1 && (
          <SelectField
            id="training-materialsVersion"
            label="Materials version used"
            value={f.materialsVersion || String(chosen.currentMaterialsVersion)}
            onValueChange={set('materialsVersion')}
            error={errors.materialsVersion}
            options={versions.map((v) => ({
              value: v,
              label: v === String(chosen.currentMaterialsVersion) ? `Version ${v} (current)` : `Version ${v}`,
            }))}
          />
        )}
        <TextAreaField
          id="training-tailoring"
          label="How it was tailored (optional)"
          value={f.tailoring}
          onValueChange={set('tailoring')}
          error={errors.tailoring}
          rows={2}
        />
        {field('organisation', 'Commissioning organisation')}
        <SelectField
          id="training-sector"
          label="Sector"
          value={f.sector}
          onValueChange={set('sector')}
          error={errors.sector}
          options={[{ value: '' as const, label: 'Choose a sector' }, ...SECTORS]}
        />
        <div className="form-columns">
          <DateField
            id="training-startDate"
            label="First day"
            value={f.startDate}
            onValueChange={set('startDate')}
            error={errors.startDate}
            inputClassName="field__input--date"
          />
          <DateField
            id="training-endDate"
            label="Last day (optional)"
            hint="dd/mm/yyyy. Leave empty for a one-day event."
            value={f.endDate}
            onValueChange={set('endDate')}
            error={errors.endDate}
            inputClassName="field__input--date"
          />
        </div>
        <RadioGroup
          id="training-delivery"
          legend="Delivery"
          value={f.delivery || null}
          onChange={set('delivery')}
          options={optionsOf(TRAINING_DELIVERY_LABELS)}
          error={errors.delivery}
          inline
        />
        <ChoiceBoxes
          id="training-trainerIds"
          legend="Trainers from the service"
          choices={trainers.map((u) => ({ value: u.id, label: u.displayName }))}
          value={f.trainerIds}
          onChange={set('trainerIds')}
          error={errors.trainerIds}
        />
        {field('coTrainers', 'Co-trainers (optional)', 'People from outside the service who delivered it with you.')}
        <fieldset className="form-section">
          <legend className="form-section__legend">Attendance and evaluation</legend>
          <div className="form-columns">
            {numberField('attendees', 'Attendees')}
            {numberField('evaluationsReturned', 'Evaluations returned (optional)')}
          </div>
          <div className="form-columns">
            {numberField('preConfidence', 'Average confidence before (optional)', '0 to 10, one decimal place.')}
            {numberField('postConfidence', 'Average confidence after (optional)', '0 to 10, one decimal place.')}
          </div>
          <TextAreaField
            id="training-themes"
            label="Themes from the evaluations (optional)"
            value={f.themes}
            onValueChange={set('themes')}
            error={errors.themes}
            rows={3}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? 'Saving…' : saved ? 'Save changes' : 'Record event'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => show({ kind: 'list' })}>
            Cancel
          </button>
          {saved && (
            <button type="button" className="button button--warning" onClick={() => setRemoving(true)}>
              Remove event
            </button>
          )}
        </div>
      </form>
      {saved && (
        <RemoveWithReasonDialog
          open={removing}
          idPrefix="training-remove"
          title="Remove this training event?"
          confirmLabel="Remove event"
          explanation="Remove an event only if it was recorded in error. It leaves every list and figure; the reason is kept in the audit trail."
          reasonMissing="Say why the event is being removed."
          remove={async (reason) => {
            await removeEvent(saved.id, saved.version, reason);
            return `Removed “${saved.title}”.`;
          }}
          onRemoved={(message) => show({ kind: 'list' }, message)}
          onCancel={() => setRemoving(false)}
        />
      )}
    </section>
  );
}
