import { CHRONOLOGY_GROUPS, type ChronologyFilter, type ChronologyGroup } from '../../../../preload/contract/casework';
import styles from './ChronologyTab.module.css';

/** The filter groups in words, in the order they are offered. */
export const CHRONOLOGY_GROUP_LABELS: Record<ChronologyGroup, string> = {
  notes: 'Notes',
  status: 'Referral and status',
  flags: 'Flags',
  tasks: 'Tasks',
  paperwork: 'Paperwork',
  documents: 'Documents',
  consultation: 'Consultations',
  assessment: 'Assessment and psychometrics',
  intervention: 'Interventions',
  safe_home: 'Safe Home',
  other: 'Bundles and other',
};

const THIRD_PARTY_LABELS: Record<ChronologyFilter['thirdParty'], string> = {
  all: 'All events',
  only: 'Only events with third-party information',
  without: 'Only events without third-party information',
};

/** Whether a filter leaves anything out (so the count can say it is filtered). */
export function isFiltered(f: { groups: readonly ChronologyGroup[]; thirdParty: ChronologyFilter['thirdParty'] }) {
  return f.thirdParty !== 'all' || CHRONOLOGY_GROUPS.some((g) => !f.groups.includes(g));
}

/**
 * The chronology's filter: which kinds of event, and whether third-party information is in or
 * out. Each change applies at once (the list below is announced through its count), so there is
 * no button to forget. `groups` may be empty here while the user is choosing again.
 */
export function ChronologyFilters(props: {
  groups: readonly ChronologyGroup[];
  thirdParty: ChronologyFilter['thirdParty'];
  onChange: (groups: ChronologyGroup[], thirdParty: ChronologyFilter['thirdParty']) => void;
}) {
  const { groups, thirdParty, onChange } = props;
  const toggle = (g: ChronologyGroup, on: boolean) =>
    onChange(
      CHRONOLOGY_GROUPS.filter((x) => (x === g ? on : groups.includes(x))),
      thirdParty,
    );
  return (
    <div className={styles.filters}>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Kinds of event</legend>
        <div className={styles.options}>
          {CHRONOLOGY_GROUPS.map((g) => (
            <div key={g} className="checkbox checkbox--compact">
              <input
                id={`chrono-group-${g}`}
                type="checkbox"
                checked={groups.includes(g)}
                onChange={(e) => toggle(g, e.target.checked)}
              />
              <label htmlFor={`chrono-group-${g}`}>{CHRONOLOGY_GROUP_LABELS[g]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Third-party information</legend>
        <div className={styles.options}>
          {(Object.keys(THIRD_PARTY_LABELS) as ChronologyFilter['thirdParty'][]).map((tp) => (
            <div key={tp} className="checkbox checkbox--compact">
              <input
                id={`chrono-tp-${tp}`}
                type="radio"
                name="chrono-third-party"
                checked={thirdParty === tp}
                onChange={() => onChange([...groups], tp)}
              />
              <label htmlFor={`chrono-tp-${tp}`}>{THIRD_PARTY_LABELS[tp]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {isFiltered({ groups, thirdParty }) && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange([...CHRONOLOGY_GROUPS], 'all')}
        >
          Show every event
        </button>
      )}
    </div>
  );
}
