import type { ColleagueView } from '../../../preload/contract/bundles';
import { TextField } from '../../components/fields';
import { Fingerprint } from './Fingerprint';

export interface Recipients {
  mode: 'colleagues' | 'passphrase';
  colleagueIds: Set<string>;
  raw: string;
}

/** Who can open the bundle: verified colleagues (and/or a raw age1 recipient), or a passphrase. */
export function RecipientChoice({
  colleagues,
  value,
  onChange,
  passphrase,
  passphraseAllowed,
  error,
}: {
  colleagues: ColleagueView[];
  value: Recipients;
  onChange: (v: Recipients) => void;
  passphrase: string | null;
  passphraseAllowed: boolean;
  error: string | null;
}) {
  const usable = colleagues.filter((c) => c.status === 'verified');
  const notYet = colleagues.filter((c) => c.status === 'unverified');
  const setMode = (mode: Recipients['mode']) => onChange({ ...value, mode });
  return (
    <fieldset
      className={error ? 'fieldset fieldset--error' : 'fieldset'}
      aria-describedby={error ? 'recipients-error' : undefined}
    >
      <legend className="fieldset__legend">3. Who can open it</legend>
      {error && (
        <p className="field__error" id="recipients-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="radio">
        <input
          id="mode-colleagues"
          type="radio"
          name="recipient-mode"
          checked={value.mode === 'colleagues'}
          onChange={() => setMode('colleagues')}
        />
        <label htmlFor="mode-colleagues">Colleagues with the app (their key cards)</label>
      </div>
      {value.mode === 'colleagues' && (
        <div className="radio__conditional">
          {usable.length === 0 && (
            <p>No verified colleagues yet. Import their key card under Colleagues and compare the fingerprint first.</p>
          )}
          {usable.map((c) => (
            <div className="checkbox" key={c.id}>
              <input
                id={`to-${c.id}`}
                type="checkbox"
                checked={value.colleagueIds.has(c.id)}
                onChange={(e) => {
                  const ids = new Set(value.colleagueIds);
                  if (e.target.checked) ids.add(c.id);
                  else ids.delete(c.id);
                  onChange({ ...value, colleagueIds: ids });
                }}
              />
              <label htmlFor={`to-${c.id}`}>
                {c.name}, {c.service} <Fingerprint value={c.fingerprint} size="normal" />
              </label>
            </div>
          ))}
          {notYet.length > 0 && (
            <p className="field__hint">Not verified yet, so not offered: {notYet.map((c) => c.name).join(', ')}.</p>
          )}
          <TextField
            id="raw-recipient"
            label="Or an age recipient (optional)"
            hint="Only if IT gave you one: it starts with age1."
            inputClassName="mono"
            value={value.raw}
            spellCheck={false}
            onValueChange={(raw) => onChange({ ...value, raw })}
          />
        </div>
      )}
      <div className="radio">
        <input
          id="mode-passphrase"
          type="radio"
          name="recipient-mode"
          checked={value.mode === 'passphrase'}
          disabled={!passphraseAllowed}
          aria-describedby="mode-passphrase-hint"
          onChange={() => setMode('passphrase')}
        />
        <label htmlFor="mode-passphrase">A passphrase (for someone without the app)</label>
      </div>
      <p className="field__hint" id="mode-passphrase-hint">
        {passphraseAllowed
          ? 'They can open it with the free age tool.'
          : 'Passphrase bundles are not allowed on this computer.'}
      </p>
      {value.mode === 'passphrase' && passphrase && (
        <div className="radio__conditional">
          <p className="field__label" id="passphrase-label">
            Passphrase
          </p>
          <p className="passphrase mono" aria-labelledby="passphrase-label" data-testid="bundle-passphrase">
            {passphrase}
          </p>
          <div className="warning-text">
            <strong>Send the passphrase by a different route from the bundle</strong>, for example read it out by phone.
            Anyone who has both can open the case. It is shown again once the bundle is made, and then not kept.
          </div>
        </div>
      )}
    </fieldset>
  );
}
