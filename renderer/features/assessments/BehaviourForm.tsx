import { useState, type FormEvent } from 'react';
import {
  BROOK_COLOUR_LABELS,
  BROOK_VERSIONS,
  BROOK_VERSION_IDS,
  HACKETT_LABELS,
  HACKETT_LEVELS,
  brookBandFor,
  brookProblem,
  type BehaviourView,
  type BrookVersionId,
  type HackettLevel,
} from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { CheckboxField, SelectField, TextAreaField } from '../cases/case-page/fields';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';
import { useCasePageStore } from '../../stores/case-page';
import { addBehaviour, updateBehaviour } from './assessment-actions';

type Errors = Partial<Record<'date' | 'description' | 'setting' | 'brook', string | null>>;

/**
 * Record one behaviour or incident: when, what, where, who was harmed (third-party information,
 * ticked by default), its place on the Hackett continuum and, optionally, its Brook rating. The
 * band and colour choices follow the Brook version chosen, so only valid pairs can be picked.
 * Given `editing`, the same form changes that behaviour (filled in with it) and can be cancelled.
 */
export function BehaviourForm({
  onAdded,
  editing,
  onCancel,
}: {
  onAdded: (text: string) => void;
  editing?: BehaviourView;
  onCancel?: () => void;
}) {
  const [date, setDate] = useState(isoToUk(editing?.occurredOn ?? null));
  const [description, setDescription] = useState(editing?.description ?? '');
  const [setting, setSetting] = useState(editing?.setting ?? '');
  const [harmed, setHarmed] = useState(editing?.harmed ?? '');
  const [thirdParty, setThirdParty] = useState(editing?.thirdParty ?? true);
  const [hackett, setHackett] = useState<HackettLevel>(editing?.hackett ?? 'problematic');
  const [version, setVersion] = useState<BrookVersionId | ''>(editing?.brookVersion ?? '');
  const [band, setBand] = useState(editing?.brookBand ?? '');
  const [colour, setColour] = useState<string>(editing?.brookColour ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  // Opened to change a behaviour, the form takes focus; the add form waits at the end of the list.
  const firstField = useFocusOnMount<HTMLInputElement>();
  const def = version ? BROOK_VERSIONS[version] : null;
  const dateOfBirth = useCasePageStore((s) => s.detail?.youngPerson.dateOfBirth ?? null);

  /** The young person's age on the behaviour's date (or today), for the band's first choice. */
  function ageThen(): number | null {
    if (!dateOfBirth) return null;
    const on = parseUkDate(date) ?? new Date().toISOString().slice(0, 10);
    const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
    const [y, m, d] = on.split('-').map(Number) as [number, number, number];
    return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  }

  function chooseVersion(v: BrookVersionId | '') {
    setVersion(v);
    const age = ageThen();
    setBand(v ? (age === null ? (BROOK_VERSIONS[v].bands[0] ?? '') : brookBandFor(v, age)) : '');
    setColour(v ? (BROOK_VERSIONS[v].colours[0] ?? '') : '');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {
      date: checkUkDate(date, 'date of the behaviour', true),
      description: description.trim() ? null : 'Describe the behaviour.',
      setting: setting.trim() ? null : 'Say where it happened (home, school, online...).',
      brook: version ? brookProblem(version, band, colour) : null,
    };
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const behaviour = {
        occurredOn: parseUkDate(date) ?? '',
        description: description.trim(),
        setting: setting.trim(),
        harmed: harmed.trim() || null,
        thirdParty,
        hackett,
        brookVersion: version || null,
        brookBand: version ? band : null,
        brookColour: version ? (colour as 'green') : null,
      };
      if (editing) {
        await updateBehaviour(editing.id, editing.version, behaviour);
        onAdded(`Behaviour of ${date.trim()} changed.`);
        return;
      }
      await addBehaviour(behaviour);
      setDate('');
      setDescription('');
      setSetting('');
      setHarmed('');
      onAdded('Behaviour recorded.');
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  // One form at a time on the page, so the ids stay unique: the edit form replaces the add form.
  const headingId = editing ? 'edit-behaviour-heading' : 'add-behaviour-heading';
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby={headingId}>
      <h5 id={headingId}>
        {editing ? `Change the behaviour of ${isoToUk(editing.occurredOn)}` : 'Record a behaviour or incident'}
      </h5>
      <FormError id={editing ? 'edit-behaviour-error' : 'add-behaviour-error'}>{formError}</FormError>
      <div className="form-columns">
        <TextField
          id="behaviour-date"
          label="Date"
          hint="dd/mm/yyyy"
          value={date}
          onValueChange={setDate}
          error={errors.date}
          inputMode="numeric"
          autoComplete="off"
          {...(editing ? { inputRef: firstField } : {})}
        />
        <TextField
          id="behaviour-setting"
          label="Setting"
          hint="e.g. home, school, online"
          value={setting}
          onValueChange={setSetting}
          error={errors.setting}
          autoComplete="off"
        />
      </div>
      <TextAreaField
        id="behaviour-description"
        label="What happened"
        value={description}
        onValueChange={setDescription}
        error={errors.description}
        rows={3}
      />
      <TextField
        id="behaviour-harmed"
        label="Who was harmed (optional)"
        hint="e.g. a younger cousin, aged 6"
        value={harmed}
        onValueChange={setHarmed}
        autoComplete="off"
      />
      <CheckboxField
        id="behaviour-third-party"
        label="Holds information about a third party"
        hint="Left out of case bundles unless chosen, and redacted for a subject access request."
        checked={thirdParty}
        onCheckedChange={setThirdParty}
      />
      <SelectField
        id="behaviour-hackett"
        label="Hackett continuum"
        value={hackett}
        onValueChange={setHackett}
        options={HACKETT_LEVELS.map((l) => ({ value: l, label: HACKETT_LABELS[l] }))}
      />
      <div className="form-columns form-columns--three">
        <SelectField
          id="behaviour-brook-version"
          label="Brook traffic light (optional)"
          value={version}
          onValueChange={chooseVersion}
          options={[
            { value: '' as const, label: 'Not rated' },
            ...BROOK_VERSION_IDS.map((v) => ({ value: v, label: BROOK_VERSIONS[v].label })),
          ]}
        />
        {def && (
          <>
            <SelectField
              id="behaviour-brook-band"
              label="Age band (years)"
              value={band}
              onValueChange={setBand}
              options={def.bands.map((b) => ({ value: b, label: b }))}
            />
            <SelectField
              id="behaviour-brook-colour"
              label="Colour"
              value={colour}
              onValueChange={setColour}
              error={errors.brook}
              options={def.colours.map((c) => ({ value: c, label: BROOK_COLOUR_LABELS[c] }))}
            />
          </>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Record behaviour'}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
