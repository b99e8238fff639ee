/** A stored JSON document shown as is, collapsed behind a summary so long cards do not dominate. */
export function JsonBlock({ value, missing }: { value: unknown; missing: string }) {
  if (value === undefined) return <p className="muted">{missing}</p>;
  return (
    <details>
      <summary>Show JSON</summary>
      <pre className="json">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
