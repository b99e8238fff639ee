// A run's id, which is its directory's name: `<date>-<time>Z-<name>` in UTC, so a listing sorts
// runs by when they started, and a reader can tell that time from the name alone.

export function runId(name: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")
    .replace("T", "-");
  return `${stamp}-${name}`;
}

/** `20261125-134436Z-paper` -> `2026-11-25T13:44:36Z`; undefined for a name not made by runId. */
export function runStartedAt(id: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z/.exec(id);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
}
