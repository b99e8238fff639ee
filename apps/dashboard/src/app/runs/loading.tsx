export default function RunsLoading() {
  return (
    <p role="status" aria-live="polite">
      Reading the runs directory…
    </p>
  );
}
