"use client";
// While the stream server's models are being asked for, and when they cannot be had: what happened
// and a button to ask again. Each page says in its own words what to do first (`children`).
import type { ReactNode } from "react";
import { Notice } from "./notice.js";
import type { ServedModels } from "./use-served-models.js";

export function ServedModelsStatus({
  served,
  failedTitle,
  children,
}: {
  served: ServedModels;
  failedTitle: string;
  /** What to do before trying again: "…, then" is followed by the "try again" button. */
  children: ReactNode;
}) {
  const { state, reload, address } = served;
  if (state.kind === "loading") return <p role="status">Asking {address} for its models…</p>;
  if (state.kind !== "failed") return null;
  return (
    <Notice title={failedTitle} tone="error">
      <p>{state.message}.</p>
      <p>
        {children}{" "}
        <button type="button" className="secondary" onClick={reload}>
          try again
        </button>
      </p>
    </Notice>
  );
}
