import { useId, useState } from 'react';
import { CASE_STATUSES, SERVICES, type CaseStatus } from '../../../preload/contract';
import { CheckboxGroup, SelectField } from '../../components/fields';
import {
  OPEN_STATUSES,
  chooseCaseloadScope,
  setCaseloadFilters,
  useCasesStore,
  type CaseloadFilters,
  type CaseloadScope,
} from '../../stores/cases';
import { SERVICE_LABELS, STATUS_LABELS } from './case-page/labels';
import { activeFilters } from './FilterChips';
import styles from './CaseloadFilters.module.css';

/** True when anything narrows the caseload within its scope (so an empty list means "no matches"). */
export function isFiltered(f: CaseloadFilters): boolean {
  return (
    f.status.length > 0 || f.service !== null || f.leadWorkerId !== null || f.overdue || f.flagged || !!f.search.trim()
  );
}

const SCOPES: [CaseloadScope, string][] = [
  ['mine', 'My open cases'],
  ['open', 'All open'],
  ['all', 'All cases'],
];

/** My open cases / All open / All cases: radio buttons drawn as one segmented control. */
function ScopeChoice({ scope }: { scope: CaseloadScope }) {
  return (
    <fieldset className={styles.scope}>
      <legend className="visually-hidden">Show</legend>
      {SCOPES.map(([value, label]) => (
        <label key={value} className={styles.segment}>
          <input
            type="radio"
            name="caseload-scope"
            value={value}
            checked={scope === value}
            onChange={() => chooseCaseloadScope(value)}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The filters behind the "Filters" button: service, lead worker, status, overdue, flagged. */
function FilterPanel({ id, filters, hidden }: { id: string; filters: CaseloadFilters; hidden: boolean }) {
  const directory = useCasesStore((s) => s.directory);
  const statuses = filters.scope === 'all' ? CASE_STATUSES : OPEN_STATUSES;
  return (
    <div id={id} className={styles.panel} hidden={hidden}>
      <SelectField
        id="filter-service"
        label="Service"
        inline
        value={filters.service ?? ''}
        onValueChange={(v) => setCaseloadFilters({ service: v || null })}
        options={[
          { value: '', label: 'Any service' },
          ...SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] })),
        ]}
      />
      <SelectField
        id="filter-lead"
        label="Lead worker"
        inline
        value={filters.leadWorkerId ?? ''}
        onValueChange={(v) => setCaseloadFilters({ leadWorkerId: v || null })}
        options={[
          { value: '', label: 'Anyone' },
          ...(directory ?? []).map((u) => ({ value: u.id, label: u.displayName })),
        ]}
      />
      <CheckboxGroup
        id="filter-status"
        legend="Status"
        look="row"
        choices={statuses.map((s: CaseStatus) => ({ value: s, label: STATUS_LABELS[s] }))}
        value={filters.status}
        onChange={(chosen) => setCaseloadFilters({ status: chosen })}
      />
      <fieldset className="fieldset-inline">
        <legend className="field__label">Only cases that are</legend>
        <div className="checkbox-row">
          <div className="checkbox checkbox--small">
            <input
              id="filter-overdue"
              type="checkbox"
              checked={filters.overdue}
              onChange={(e) => setCaseloadFilters({ overdue: e.target.checked })}
            />
            <label htmlFor="filter-overdue">Overdue for assessment</label>
          </div>
          <div className="checkbox checkbox--small">
            <input
              id="filter-flagged"
              type="checkbox"
              checked={filters.flagged}
              onChange={(e) => setCaseloadFilters({ flagged: e.target.checked })}
            />
            <label htmlFor="filter-flagged">Flagged</label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

/**
 * The caseload's compact bar: which cases (mine, open, all), a search box, and a "Filters"
 * disclosure for the rest (the filters in force show as chips beside the count). Every
 * change applies at once (the search box after a short pause in typing); no "Apply" to miss.
 */
export function CaseloadFiltersPanel({ filters }: { filters: CaseloadFilters }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const directory = useCasesStore((s) => s.directory);
  const active = activeFilters(filters, directory ?? []);
  return (
    <div className={styles.bar}>
      <div className={styles.row}>
        <ScopeChoice scope={filters.scope} />
        <div className={styles.search}>
          <label className={styles.searchLabel} htmlFor="caseload-search">
            Find a case
          </label>
          <input
            id="caseload-search"
            className={`field__input ${styles.searchInput}`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="Reference, name or dd/mm/yyyy"
            aria-describedby="caseload-search-hint"
            value={filters.search}
            onChange={(e) => setCaseloadFilters({ search: e.target.value })}
          />
          <span className="visually-hidden" id="caseload-search-hint">
            Reference, name or date of birth (dd/mm/yyyy).
          </span>
        </div>
        <button
          type="button"
          className={`button button--secondary ${styles.disclosure}`}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <span className={styles.chevron} aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Filters{active.length > 0 ? ` (${active.length})` : ''}
        </button>
      </div>
      <FilterPanel id={panelId} filters={filters} hidden={!open} />
    </div>
  );
}
