"use client";
// Anything a page did not expect (an unreadable runs directory, a bug): say so, and offer a retry.
import { Notice } from "../components/notice.js";

export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <Notice title="This page could not be shown" tone="error">
      <p>{error.message}</p>
      <p>
        Check that the runs directory (<code>EMOTION_STREAM_RUNS_DIR</code>) is readable and the
        stream server address is right, then{" "}
        <button type="button" onClick={reset}>
          try again
        </button>
      </p>
    </Notice>
  );
}
