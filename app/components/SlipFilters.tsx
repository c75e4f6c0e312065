import { Form } from "@remix-run/react";
import type { ProjectFilterOptions } from "~/models/project-search.server";
import { PROJECT_STATUS_LABELS } from "~/models/workflow";
import { PROJECT_STATUSES } from "~/utils/project-query";

type Filters = { q: string; state?: string; commodity?: string; stage?: string; status?: string; leadAgency?: string };

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The /projects filters as a plain GET form (works without JavaScript), for the monitoring desk's
 * pages. `children` adds the page's own fields (what to list, sort order).
 */
export function ProjectFilterForm({
  filters,
  options,
  children,
  label,
}: {
  filters: Filters;
  options: ProjectFilterOptions;
  children?: React.ReactNode;
  label: string;
}) {
  return (
    <Form method="get" className="card" aria-label={label}>
      <div className="filter-grid">
        <div className="field full-row">
          <label htmlFor="filter-q">Search projects</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} aria-describedby="filter-q-hint" />
          <p id="filter-q-hint" className="hint">
            Words in the project&rsquo;s name, its company or its minerals.
          </p>
        </div>
        <Select
          name="state"
          label="State"
          value={filters.state}
          options={options.states.map((s) => ({ value: s, label: s }))}
        />
        <Select
          name="commodity"
          label="Mineral"
          value={filters.commodity}
          options={options.commodities.map((c) => ({ value: c, label: c }))}
        />
        <Select
          name="stage"
          label="Stage"
          value={filters.stage}
          options={options.stages.map((s) => ({ value: s.key, label: s.label }))}
        />
        <Select
          name="status"
          label="Project status"
          value={filters.status}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
        />
        <Select
          name="leadAgency"
          label="Lead agency"
          value={filters.leadAgency}
          options={options.leadAgencies.map((a) => ({ value: a.slug, label: a.name }))}
        />
        {children}
      </div>
      <p>
        <button type="submit">Apply</button>
      </p>
    </Form>
  );
}
