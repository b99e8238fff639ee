export default function RunLoading() {
  return (
    <p role="status" aria-live="polite">
      Reading the run…
    </p>
  );
}
