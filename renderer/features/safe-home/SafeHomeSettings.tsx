/**
 * Administrators: the theme list (add, rename, re-aim, retire) and the completion rule. A
 * retired theme stays on the sessions that covered it but is no longer offered for new ones.
 */
import { useState, type FormEvent } from 'react';
import { SAFE_HOME_AIM_LABELS, type SafeHomeAim, type ThemeView } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { SelectField, TextField, optionsOf } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { CompletionRuleForm } from './CompletionRuleForm';
import { addTheme, updateTheme } from './safe-home-actions';
import { useSafeHomeStore } from './safe-home-store';
import styles from './SafeHome.module.css';

/** One theme's row: its name and aim edited in place, and retire / bring back. */
function ThemeRow({ theme }: { theme: ThemeView }) {
  const [label, setLabel] = useState(theme.label);
  const [aim, setAim] = useState<SafeHomeAim>(theme.aim);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const id = `theme-${theme.id}`;
  const changed = label.trim() !== theme.label || aim !== theme.aim;

  async function save(active: boolean) {
    setError(null);
    setSaved(null);
    if (!label.trim()) {
      setError('Name the theme.');
      document.getElementById(`${id}-label`)?.focus();
      return;
    }
    try {
      await updateTheme(theme.id, theme.version, { label: label.trim(), aim, active });
      setSaved(
        active === theme.active ? 'Saved.' : active ? 'Offered again.' : 'Retired: no longer offered for new sessions.',
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <li className={styles.themeRow}>
      <div className={styles.themeFields}>
        <TextField id={`${id}-label`} label="Theme" value={label} onValueChange={setLabel} error={error} />
        <SelectField
          id={`${id}-aim`}
          label="Aim it serves"
          value={aim}
          onValueChange={setAim}
          options={optionsOf(SAFE_HOME_AIM_LABELS)}
        />
      </div>
      <p className={styles.themeState}>{theme.active ? 'Offered' : 'Retired'}</p>
      <div className="button-row button-row--tight">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={!changed || undefined}
          onClick={() => changed && void save(theme.active)}
        >
          Save<span className="visually-hidden"> {theme.label}</span>
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void save(!theme.active)}
        >
          {theme.active ? 'Retire' : 'Offer again'}
          <span className="visually-hidden"> {theme.label}</span>
        </button>
      </div>
      <p role="status" className={saved ? styles.saved : 'visually-hidden'}>
        {saved}
      </p>
    </li>
  );
}

function AddTheme() {
  const [label, setLabel] = useState('');
  const [aim, setAim] = useState<SafeHomeAim>('knowledge');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!label.trim()) {
      setError('Name the theme.');
      document.getElementById('new-theme-label')?.focus();
      return;
    }
    setError(null);
    try {
      await addTheme({ label: label.trim(), aim, active: true });
      setLabel('');
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  return (
    <form noValidate onSubmit={submit} className="case-form" aria-labelledby="new-theme-heading">
      <h4 id="new-theme-heading">Add a theme</h4>
      <TextField id="new-theme-label" label="Theme" value={label} onValueChange={setLabel} error={error} />
      <SelectField
        id="new-theme-aim"
        label="Aim it serves"
        value={aim}
        onValueChange={setAim}
        options={optionsOf(SAFE_HOME_AIM_LABELS)}
      />
      <FormError id="new-theme-error">{formError}</FormError>
      <button type="submit" className="button">
        Add the theme
      </button>
    </form>
  );
}

export function SafeHomeSettings() {
  const themes = useSafeHomeStore((s) => s.themes);
  const rule = useSafeHomeStore((s) => s.rule);
  if (!themes || !rule) return <p role="status">Loading the themes and the rule…</p>;
  return (
    <>
      <section aria-labelledby="themes-heading" className="section">
        <h3 id="themes-heading">Themes</h3>
        <p>The themes a session plan chooses from, each serving one of the programme’s four aims.</p>
        <ul className={styles.themeList}>
          {themes.map((t) => (
            <ThemeRow key={t.id} theme={t} />
          ))}
        </ul>
        <AddTheme />
      </section>
      <CompletionRuleForm rule={rule} />
    </>
  );
}
