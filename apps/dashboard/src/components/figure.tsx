// One figure of a `dl.figure-row`: its term above its value, as the run, stream and model card
// panels show their headline numbers.

/** The value is bold, as a headline number is, unless `plain` (a card's descriptive fields). */
export function Figure({
  term,
  value,
  plain = false,
}: {
  term: string;
  value: string;
  plain?: boolean;
}) {
  return (
    <div className="figure">
      <dt className="muted">{term}</dt>
      <dd style={{ margin: 0 }}>{plain ? value : <strong>{value}</strong>}</dd>
    </div>
  );
}
