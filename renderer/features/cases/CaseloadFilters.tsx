import { useId, useState } from 'react';
import { CASE_STATUSES, SERVICES, type CaseStatus, type Service } from '../../../preload/contract';
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

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

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
      <div className="field field--inline">
        <label className="field__label" htmlFor="filter-service">
          Service
        </label>
        <select
          id="filter-service"
          className="field__select"
          value={filters.service ?? ''}
          onChange={(e) => setCaseloadFilters({ service: (e.target.value || null) as Service | null })}
        >
          <option value="">Any service</option>
          {SERVICES.map((s) => (
            <option key={s} value={s}>
              {SERVICE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label className="field__label" htmlFor="filter-lead">
          Lead worker
        </label>
        <select
          id="filter-lead"
          className="field__select"
          value={filters.leadWorkerId ?? ''}
          onChange={(e) => setCaseloadFilters({ leadWorkerId: e.target.value || null })}
        >
          <option value="">Anyone</option>
          {(directory ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset-inline">
        <legend className="field__label">Status</legend>
        <div className="checkbox-row">
          {statuses.map((s: CaseStatus) => (
            <div className="checkbox checkbox--small" key={s}>
              <input
                id={`filter-status-${s}`}
                type="checkbox"
                checked={filters.status.includes(s)}
                onChange={(e) => setCaseloadFilters({ status: toggle(filters.status, s, e.target.checked) })}
              />
              <label htmlFor={`filter-status-${s}`}>{STATUS_LABELS[s]}</label>
            </div>
          ))}
        </div>
      </fieldset>
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
