import type { BundleContentsView } from '../../../preload/contract/bundles';
import { formatSize, partLabel } from './sharing-actions';

export interface Inclusion {
  parts: Set<string>;
  documents: Set<string>;
  thirdParty: boolean;
}

/**
 * Everything chosen, as a case's contents first appear, except third-party information: the
 * sensitive records, and documents marked as holding third-party information (the sender can
 * still tick them).
 */
export function includeAll(contents: BundleContentsView): Inclusion {
  return {
    parts: new Set(contents.parts.map((p) => p.module)),
    documents: new Set(contents.documents.filter((d) => !d.thirdParty).map((d) => d.id)),
    thirdParty: false,
  };
}

function toggle(set: Set<string>, key: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/** Choose the parts of the case and the documents that go into the bundle. */
export function WhatGoesIn({
  contents,
  value,
  onChange,
}: {
  contents: BundleContentsView;
  value: Inclusion;
  onChange: (v: Inclusion) => void;
}) {
  const thirdParty = contents.parts.reduce((n, p) => n + p.thirdParty, 0);
  const markedChosen = contents.documents.filter((d) => d.thirdParty && value.documents.has(d.id));
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">2. What goes in</legend>
      <p className="field__hint">
        The case record (young person, referral, services, paperwork) always goes. Share only what the colleague needs.
      </p>
      {contents.parts.map((p) => (
        <div className="checkbox" key={p.module}>
          <input
            id={`part-${p.module}`}
            type="checkbox"
            checked={value.parts.has(p.module)}
            onChange={(e) => onChange({ ...value, parts: toggle(value.parts, p.module, e.target.checked) })}
          />
          <label htmlFor={`part-${p.module}`}>
            {partLabel(p.module)} ({p.count - p.thirdParty}
            {p.thirdParty > 0 ? `, and ${p.thirdParty} third-party-sensitive` : ''})
          </label>
        </div>
      ))}
      {contents.documents.length > 0 && (
        <fieldset className="fieldset fieldset--nested">
          <legend className="fieldset__legend fieldset__legend--small">Documents</legend>
          {contents.documents.map((d) => (
            <div className="checkbox" key={d.id}>
              <input
                id={`doc-${d.id}`}
                type="checkbox"
                checked={value.documents.has(d.id)}
                onChange={(e) => onChange({ ...value, documents: toggle(value.documents, d.id, e.target.checked) })}
              />
              <label htmlFor={`doc-${d.id}`}>
                {d.title} ({d.originalFilename}, {formatSize(d.sizeBytes)})
                {d.thirdParty && (
                  <>
                    {' '}
                    <span className="tag tag--third-party">Third-party information</span>
                  </>
                )}
              </label>
            </div>
          ))}
          {contents.documents.some((d) => d.thirdParty) && (
            <p className="field__hint">
              Documents marked as holding third-party information are left out unless you tick them.
            </p>
          )}
          {markedChosen.length > 0 && (
            <div className="result result--problem" role="status">
              {markedChosen.length === 1 ? 'A document' : `${markedChosen.length} documents`} marked as holding
              third-party information will go in the bundle: {markedChosen.map((d) => d.title).join(', ')}. Send it only
              if the colleague needs it for this young person’s care.
            </div>
          )}
        </fieldset>
      )}
      {contents.documents.length === 0 && <p className="field__hint">The case has no documents.</p>}
      <div className="checkbox checkbox--warning">
        <input
          id="include-third-party"
          type="checkbox"
          checked={value.thirdParty}
          aria-describedby="include-third-party-hint"
          onChange={(e) => onChange({ ...value, thirdParty: e.target.checked })}
        />
        <label htmlFor="include-third-party">
          Include third-party-sensitive information ({thirdParty} {thirdParty === 1 ? 'record' : 'records'})
        </label>
      </div>
      <p className="field__hint" id="include-third-party-hint">
        Notes and people marked as third-party-sensitive (for example about victims or siblings) are left out unless you
        tick this.
      </p>
    </fieldset>
  );
}
