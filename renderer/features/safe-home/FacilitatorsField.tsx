import { useEffect, useState } from 'react';
import { FieldGroup } from '../../components/fields';
import { call } from '../../lib/api';

/**
 * Who facilitates a run: boxes for the vault's clinicians and administrators (the colleague
 * directory). A facilitator no longer in the directory stays listed by name, so editing a run
 * never silently drops one.
 */
export function FacilitatorsField({
  value,
  onChange,
  error,
  known,
}: {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | null;
  /** Facilitators already on the run, by id and name. */
  known: readonly { id: string; name: string }[];
}) {
  const [people, setPeople] = useState<{ id: string; name: string }[]>([...known]);
  useEffect(() => {
    let live = true;
    call('user:directory', {})
      .then((users) => {
        if (!live) return;
        const found = new Map(known.map((k) => [k.id, k.name]));
        for (const u of users) if (u.role !== 'read-only') found.set(u.id, u.displayName);
        setPeople([...found].map(([id, name]) => ({ id, name })));
      })
      // Without the directory the run's own facilitators are still listed.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [known]);
  return (
    <FieldGroup id="run-facilitators" legend="Facilitators" error={error} hint="At most 6.">
      {people.map((p) => (
        <div className="checkbox checkbox--compact" key={p.id}>
          <input
            id={`run-facilitators-${p.id}`}
            type="checkbox"
            checked={value.includes(p.id)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((v) => v !== p.id))}
          />
          <label htmlFor={`run-facilitators-${p.id}`}>{p.name}</label>
        </div>
      ))}
    </FieldGroup>
  );
}
