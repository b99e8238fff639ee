// The runs under the runs directory that could not be read, each with its coded reason, so a broken
// run is seen instead of silently missing from the runs and study pages.
import type { RunsDirectory } from "@emotion-stream/artifacts";
import { Notice } from "../notice.js";

export function UnreadableRunsNotice({ directory }: { directory: RunsDirectory }) {
  if (directory.state !== "read" || directory.unreadable.length === 0) return null;
  return (
    <Notice title="Runs that could not be read" tone="warn">
      <ul>
        {directory.unreadable.map((run) => (
          <li key={run.id}>
            <code>{run.id}</code>: {run.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
