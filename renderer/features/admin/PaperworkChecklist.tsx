import { useEffect, useState, type FormEvent } from 'react';
import type { PaperworkType } from '../../../preload/contract';
import { TextField } from '../../components/fields';
import { call, errorMessage } from '../../lib/api';

/**
 * The paperwork checklist that starts the 12-week assessment clock. Changes apply from now on:
 * a case whose clock is already running keeps its due date.
 */
export function PaperworkChecklist() {
  const [types, setTypes] = useState<PaperworkType[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [required, setRequired] = useState(true);
  const [nameError, setNameError] = useState<string | null>(null);

  useEffect(() => {
    call('paperwork:listTypes', {})
      .then(setTypes)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  async function save(input: { id?: string; name: string; required: boolean; retired?: boolean }, done: string) {
    setError(null);
    try {
      setTypes(await call('paperwork:saveType', input));
      setStatus(done);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (name.trim().length < 2) {
      setNameError('Give the item a name.');
      return;
    }
    setNameError(null);
    if (await save({ name: name.trim(), required }, `Added “${name.trim()}” to the checklist.`)) setName('');
  }

  return (
    <section aria-labelledby="paperwork-heading" className="section">
      <h2 id="paperwork-heading">Assessment paperwork checklist</h2>
      <p>
        The 12-week assessment clock starts when every <strong>required</strong> item has been received. Changes apply
        from now on: cases whose clock is already running keep their due date.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!types && !error && <p>Loading the checklist…</p>}
      {types && (
        <table className="table">
          <caption className="visually-hidden">Paperwork checklist items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Required to start the clock</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={t.required}
                      onChange={(e) =>
                        void save(
                          { id: t.id, name: t.name, required: e.target.checked },
                          `“${t.name}” is now ${e.target.checked ? 'required' : 'optional'}.`,
                        )
                      }
                    />{' '}
                    <span className="visually-hidden">{t.name}: </span>Required
                  </label>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      void save(
                        { id: t.id, name: t.name, required: t.required, retired: true },
                        `Removed “${t.name}” from the checklist. Cases that hold it keep their record.`,
                      )
                    }
                  >
                    Remove <span className="visually-hidden">{t.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status">{status}</p>
      <form onSubmit={(e) => void add(e)} noValidate className="form-narrow">
        <h3>Add an item</h3>
        <TextField id="paperwork-name" label="Item name" value={name} onValueChange={setName} error={nameError} />
        <label className="checkbox">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Required to start
          the clock
        </label>
        <button type="submit" className="button">
          Add item
        </button>
      </form>
    </section>
  );
}
