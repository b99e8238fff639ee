// How figures read across the dashboard: shares as 0.xxx like the study's tables, an em dash for a
// figure that does not exist (a class absent from a test set), dates in the reader's locale-free ISO.

export function formatShare(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "—" : value.toFixed(3);
}

export function formatPercent(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "—" : `${Math.round(value * 100)}%`;
}

/** `2026-11-25T10:30:00.000Z` -> `2026-11-25 10:30 UTC`. */
export function formatRunDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
