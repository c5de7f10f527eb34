/**
 * The desk's search and filters: text search (draft, comment, author), site, status, comments
 * or DMs, contact, flagged only. Presentational: reads and writes the desk store.
 */
import { forwardRef, useId } from 'react';
import { DESK_STATUS_LABELS, DESK_STATUSES, type DeskStatus } from '@/lib/core/desk';
import { siteName } from '@/lib/core/labels';
import { SITE_IDS, type SiteId } from '@/lib/core/sites';
import { NO_FILTERS, type DeskFilters } from '@/lib/desk/desk-view';
import { useDesk } from './desk-store';

function isFiltered(filters: DeskFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}

export const DeskToolbar = forwardRef<HTMLInputElement, { contacts: readonly string[] }>(function DeskToolbar({ contacts }, searchRef) {
  const filters = useDesk((s) => s.filters);
  const setFilters = useDesk((s) => s.setFilters);
  const id = useId();
  return (
    <div className="desk-toolbar" role="search" aria-label="Find drafts">
      <input
        ref={searchRef}
        type="search"
        className="desk-search"
        aria-label="Search drafts"
        placeholder="Search drafts, comments, names ( / )"
        value={filters.search}
        onChange={(e) => setFilters({ search: e.target.value })}
      />
      <div className="desk-filters">
        <select aria-label="Site" value={filters.sites[0] ?? ''} onChange={(e) => setFilters({ sites: e.target.value ? [e.target.value as SiteId] : [] })}>
          <option value="">All sites</option>
          {SITE_IDS.map((site) => (
            <option key={site} value={site}>{siteName(site)}</option>
          ))}
        </select>
        <select aria-label="Status" value={filters.statuses[0] ?? ''} onChange={(e) => setFilters({ statuses: e.target.value ? [e.target.value as DeskStatus] : [] })}>
          <option value="">Any status</option>
          {DESK_STATUSES.map((status) => (
            <option key={status} value={status}>{DESK_STATUS_LABELS[status]}</option>
          ))}
        </select>
        <select aria-label="Comments or DMs" value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value as DeskFilters['kind'] })}>
          <option value="all">Comments and DMs</option>
          <option value="comment">Comments</option>
          <option value="dm">DMs</option>
        </select>
        <input
          type="text"
          className="desk-contact"
          aria-label="Contact"
          placeholder="Contact"
          list={`${id}-contacts`}
          value={filters.contact}
          onChange={(e) => setFilters({ contact: e.target.value })}
        />
        {/* The most frequent names only: a list of thousands would cost more than it helps. */}
        <datalist id={`${id}-contacts`}>
          {contacts.slice(0, 50).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <label className="desk-flagged">
          <input type="checkbox" checked={filters.flaggedOnly} onChange={(e) => setFilters({ flaggedOnly: e.target.checked })} />
          Flagged only
        </label>
        {isFiltered(filters) && (
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
});
