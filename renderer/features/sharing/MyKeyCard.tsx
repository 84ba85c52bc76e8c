import { useEffect, useState } from 'react';
import { FormError } from '../../components/FormError';
import { call, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useSharingStore } from '../../stores/sharing';
import { Fingerprint } from './Fingerprint';
import { loadMyCard, saveTextFile } from './sharing-actions';
import styles from './MyKeyCard.module.css';

/** Your key card: what colleagues need to send you a case, and the fingerprint to read to them. */
export function MyKeyCard() {
  const card = useSharingStore((s) => s.myCard);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    loadMyCard().catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  async function save() {
    setError(null);
    try {
      const file = await call('key:exportCard', {});
      saveTextFile(file.fileName, file.text);
      setSaved(`Saved as ${file.fileName}. Give this file to colleagues (it holds no secret).`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section aria-labelledby="sharing-view-heading">
      <p className="lead">
        Colleagues need your key card to send you a case. Give them the card file, then read your fingerprint to them
        (in person or by phone) so they can check the card really is yours.
      </p>
      <FormError id="my-card-error">{error}</FormError>
      {card && (
        <div className={styles.card} data-testid="my-key-card">
          <dl className="facts">
            <div>
              <dt>Name</dt>
              <dd>{card.name}</dd>
            </div>
            <div>
              <dt>Service</dt>
              <dd>{card.service}</dd>
            </div>
            <div>
              <dt>Keys made</dt>
              <dd>{formatDate(card.created)}</dd>
            </div>
          </dl>
          <h3 className={styles.label}>Your fingerprint</h3>
          <p className="field__hint">
            Read this aloud to a colleague who has imported your card. It has only capital letters and the digits 2 to
            7, so O is always the letter O and I the letter I.
          </p>
          <Fingerprint value={card.fingerprint} />
          <details className={styles.details}>
            <summary>Technical details (for IT)</summary>
            <dl>
              <dt>age recipient</dt>
              <dd className={`${styles.break} mono`}>{card.ageRecipient}</dd>
              <dt>Signing key (Ed25519)</dt>
              <dd className={`${styles.break} mono`}>{card.signingKey}</dd>
            </dl>
          </details>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void save()}>
              Save card file
            </button>
          </div>
          <div role="status" className={saved ? 'result result--ok' : 'visually-hidden'}>
            {saved}
          </div>
        </div>
      )}
    </section>
  );
}
