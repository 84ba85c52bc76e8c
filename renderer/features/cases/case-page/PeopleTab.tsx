import { useRef, useState } from 'react';
import type { PersonKind, PersonView } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { errorMessage } from '../../../lib/api';
import { formatDate } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { ConfirmDialog } from './ConfirmDialog';
import { ROLE_LABELS } from './labels';
import { PersonForm } from './PersonForm';
import { removePerson } from './case-actions';
import { useFocusLater } from './useFocusLater';
import styles from './PeopleTab.module.css';

const GROUPS: { heading: string; kinds: PersonKind[]; empty: string }[] = [
  { heading: 'Referrer', kinds: ['referrer'], empty: 'No referrer recorded.' },
  { heading: 'Professional network', kinds: ['professional'], empty: 'No professionals recorded yet.' },
  { heading: 'Parents and carers', kinds: ['parent_carer'], empty: 'No parents or carers recorded yet.' },
  {
    heading: 'Siblings and other children',
    kinds: ['sibling', 'household_child'],
    empty: 'No siblings or other children recorded.',
  },
];

function facts(p: PersonView): string[] {
  const out: string[] = [];
  if (p.role) out.push(ROLE_LABELS[p.role]);
  if (p.agency) out.push(p.agency);
  if (p.relationship) out.push(p.relationship);
  if (p.kind === 'parent_carer' && p.parentalResponsibility !== null) {
    out.push(p.parentalResponsibility ? 'Has parental responsibility' : 'No parental responsibility');
  }
  if (p.dateOfBirth) out.push(`Born ${formatDate(p.dateOfBirth)}`);
  return out;
}

function PersonCard(props: { p: PersonView; canWrite: boolean; onEdit: () => void; onRemove: () => void }) {
  const { p, canWrite, onEdit, onRemove } = props;
  return (
    <li className={styles.person} data-testid="person">
      <div className="person__main">
        <h5 className={styles.name}>
          {p.name}
          {p.thirdParty && (
            <span className="tag tag--third-party">Third party - redact for subject access requests</span>
          )}
        </h5>
        {facts(p).length > 0 && <p className="person__facts">{facts(p).join(' · ')}</p>}
        {(p.phone || p.email) && <p className="person__contact">{[p.phone, p.email].filter(Boolean).join(' · ')}</p>}
        {p.address && <p className="person__contact">{p.address}</p>}
        {p.sharingBasis && (
          <p className="person__contact">
            <span className="muted">Sharing basis:</span> {p.sharingBasis}
          </p>
        )}
        {p.notes && <p className={styles.notes}>{p.notes}</p>}
      </div>
      {canWrite && (
        <div className={styles.actions}>
          <button type="button" className="button button--secondary button--small" onClick={onEdit}>
            Change<span className="visually-hidden"> {p.name}</span>
          </button>
          <button type="button" className="link-button" onClick={onRemove}>
            Remove<span className="visually-hidden"> {p.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** Everyone around the young person, grouped as clinicians think of them. */
export function PeopleTab() {
  const people = useCasePageStore((s) => s.detail?.people) ?? [];
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);
  const [removing, setRemoving] = useState<PersonView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();

  function done(announcement: string | null) {
    setEditing(null);
    if (announcement) setStatus(announcement);
    focusLater(() => addButton.current);
  }

  async function confirmRemove() {
    const p = removing;
    setRemoving(null);
    if (!p) return;
    try {
      await removePerson(p.id);
      setStatus(`${p.name} was removed from the case.`);
      focusLater(() => addButton.current);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div className="tab-body">
      <div className="case-section__head">
        <h3>People</h3>
        {canWrite && editing === null && (
          <button ref={addButton} type="button" className="button button--small" onClick={() => setEditing('new')}>
            Add a person
          </button>
        )}
      </div>
      <FormError id="people-error">{error}</FormError>
      <div role="status" className={status ? 'result result--ok' : 'visually-hidden'}>
        {status}
      </div>
      {editing !== null && (
        <PersonForm
          key={editing === 'new' ? 'new' : editing.id}
          person={editing === 'new' ? null : editing}
          onDone={done}
        />
      )}
      {GROUPS.map((g) => {
        const list = people.filter((p) => g.kinds.includes(p.kind));
        return (
          <section key={g.heading} className="case-section" aria-label={g.heading}>
            <h4>{g.heading}</h4>
            {list.length === 0 ? (
              <p className="muted">{g.empty}</p>
            ) : (
              <ul className={styles.people}>
                {list.map((p) => (
                  <PersonCard
                    key={p.id}
                    p={p}
                    canWrite={canWrite}
                    onEdit={() => {
                      setStatus(null);
                      setEditing(p);
                    }}
                    onRemove={() => setRemoving(p)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ''} from the case?`}
        confirmLabel="Remove"
        warning
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        <p>They will no longer be listed on this case. The removal is recorded in the audit trail.</p>
      </ConfirmDialog>
    </div>
  );
}
