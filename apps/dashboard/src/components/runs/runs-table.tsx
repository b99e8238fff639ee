"use client";
// The sortable, filterable runs list; ticking two or more runs offers their side-by-side comparison.
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { formatRunDate, formatShare } from "../../runs/format-metric.js";
import {
  DEFAULT_RUN_LIST_QUERY,
  describeCorpora,
  describeResult,
  queryRuns,
  type RunListQuery,
  type RunSortKey,
  shownResults,
} from "../../runs/run-list.js";
import type { RunSummary } from "../../runs/run-record.js";

const COLUMNS: readonly { key: RunSortKey | undefined; label: string }[] = [
  { key: "date", label: "Date" },
  { key: "experiment", label: "Experiment" },
  { key: undefined, label: "Trained on" },
  { key: "preset", label: "Preset" },
  { key: "uar", label: "UAR per test set" },
  { key: "wa", label: "WA per test set" },
];

export function RunsTable({ runs }: { runs: readonly RunSummary[] }) {
  const [query, setQuery] = useState<RunListQuery>(DEFAULT_RUN_LIST_QUERY);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const filterId = useId();
  const shown = useMemo(() => queryRuns(runs, query), [runs, query]);

  const sortBy = (key: RunSortKey) =>
    setQuery((current) => ({
      ...current,
      sortKey: key,
      direction:
        current.sortKey === key && current.direction === "descending" ? "ascending" : "descending",
    }));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <section aria-label="Runs list">
      <div className="form-row">
        <label htmlFor={filterId}>
          Filter
          <input
            id={filterId}
            type="search"
            placeholder="corpus, language, preset, experiment…"
            value={query.filter}
            onChange={(event) => setQuery({ ...query, filter: event.target.value })}
            size={36}
          />
        </label>
        <p className="muted" aria-live="polite">
          {shown.length} of {runs.length} runs
        </p>
        {selected.size >= 2 ? (
          <Link href={`/compare?ids=${[...selected].map(encodeURIComponent).join(",")}`}>
            Compare {selected.size} selected runs
          </Link>
        ) : (
          <p className="muted">Tick two or more runs to compare them.</p>
        )}
      </div>
      <div className="table-scroll">
        <table>
          <caption className="muted">Click a column heading to sort.</caption>
          <thead>
            <tr>
              <th scope="col">Compare</th>
              {COLUMNS.map((column) => (
                <th
                  key={column.label}
                  scope="col"
                  aria-sort={
                    column.key !== undefined && column.key === query.sortKey
                      ? query.direction
                      : undefined
                  }
                >
                  {column.key === undefined ? (
                    column.label
                  ) : (
                    <button
                      type="button"
                      className="sort"
                      onClick={() => sortBy(column.key as RunSortKey)}
                    >
                      {column.label}
                      {column.key === query.sortKey
                        ? query.direction === "ascending"
                          ? " ▲"
                          : " ▼"
                        : ""}
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((run) => (
              <tr key={run.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare run ${run.id}`}
                    checked={selected.has(run.id)}
                    onChange={() => toggle(run.id)}
                  />
                </td>
                <td>
                  <Link href={`/runs/${encodeURIComponent(run.id)}`}>
                    {formatRunDate(run.createdAt)}
                  </Link>
                  {run.status === "finished" ? null : (
                    <span className="muted"> ({run.status})</span>
                  )}
                </td>
                <td>{run.experiment}</td>
                <td>{describeCorpora(run.train)}</td>
                <td>{run.preset}</td>
                <td>
                  <TestFigures run={run} metric="uar" />
                </td>
                <td>
                  <TestFigures run={run} metric="wa" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? (
        <p>No run matches “{query.filter}”. Clear the filter to see all runs.</p>
      ) : null}
    </section>
  );
}

function TestFigures({ run, metric }: { run: RunSummary; metric: "uar" | "wa" }) {
  const results = shownResults(run);
  if (results.length === 0) return <span className="muted">no test results</span>;
  return (
    <ul className="stream-list">
      {results.map((shown) => (
        <li key={describeResult(shown)}>
          <span className="muted">{describeResult(shown)}:</span>{" "}
          <strong>{formatShare(shown.result[metric])}</strong>
        </li>
      ))}
    </ul>
  );
}
