import { CASE_STATUSES, SERVICES, type CaseStatus, type Service } from '../../../preload/contract';
import { clearCaseloadFilters, setCaseloadFilters, useCasesStore, type CaseloadFilters } from '../../stores/cases';
import { SERVICE_LABELS, STATUS_LABELS } from './case-page/labels';

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

/** True when anything narrows the caseload (so an empty list means "no matches", not "no cases"). */
export function isFiltered(f: CaseloadFilters): boolean {
  return (
    f.status.length > 0 || f.service !== null || f.leadWorkerId !== null || f.overdue || f.flagged || !!f.search.trim()
  );
}

/**
 * The caseload's search box and filters. Every change applies at once (the search box after a
 * short pause in typing); there is no "Apply" button to miss.
 */
export function CaseloadFiltersPanel({ filters }: { filters: CaseloadFilters }) {
  const directory = useCasesStore((s) => s.directory);
  return (
    <div className="caseload-filters">
      <div className="caseload-filters__row">
        <div className="field field--inline caseload-filters__search">
          <label className="field__label" htmlFor="caseload-search">
            Find a case
          </label>
          <p className="field__hint" id="caseload-search-hint">
            Reference, name or date of birth (dd/mm/yyyy).
          </p>
          <input
            id="caseload-search"
            className="field__input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="caseload-search-hint"
            value={filters.search}
            onChange={(e) => setCaseloadFilters({ search: e.target.value })}
          />
        </div>
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
      </div>
      <div className="caseload-filters__row">
        <fieldset className="fieldset-inline">
          <legend className="field__label">Status</legend>
          <div className="checkbox-row">
            {CASE_STATUSES.map((s: CaseStatus) => (
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
        {isFiltered(filters) && (
          <button
            type="button"
            className="button button--secondary caseload-filters__clear"
            onClick={clearCaseloadFilters}
          >
            Clear search and filters
          </button>
        )}
      </div>
    </div>
  );
}
