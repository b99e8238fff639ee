import type { ConnectionState } from "../../live/watcher-connection.js";

/** The watcher connection in words, announced to screen readers when it changes. */
export function ConnectionStatus({ state, address }: { state: ConnectionState; address: string }) {
  return (
    <div role="status" aria-live="polite" data-connection={state.kind}>
      {describe(state, address)}
    </div>
  );
}

function describe(state: ConnectionState, address: string) {
  switch (state.kind) {
    case "connecting":
      return (
        <span className="status status-connecting">
          Connecting to {address}
          {state.attempt > 1 ? ` (attempt ${state.attempt})` : ""}…
        </span>
      );
    case "open":
      return (
        <span className="status status-open">
          Connected to {address} · {state.models.length} model{state.models.length === 1 ? "" : "s"}
        </span>
      );
    case "waiting":
      return (
        <>
          <span className="status status-closed">Not connected: {state.reason}.</span>{" "}
          <span className="muted">
            Retrying in {Math.ceil(state.retryInMs / 1000)} s. Is the server running? Start it with{" "}
            <code>pnpm server --models-dir models/</code>, or change the address below.
          </span>
        </>
      );
    case "refused":
      return (
        <>
          <span className="status status-closed">
            The server refused this dashboard: {state.reason}.
          </span>{" "}
          <span className="muted">
            Check the watcher token and allowed origins of the server, then reload.
          </span>
        </>
      );
  }
}
