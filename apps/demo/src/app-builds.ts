// `pnpm start` builds only the demo and what it imports; the programs it runs are built here, through
// turbo's cache, so a second start costs a cache check. Turbo's chatter goes to a log file.
import { join } from "node:path";
import type { ChildSpec } from "./child-supervisor.js";
import type { RepositoryLayout } from "./repository-layout.js";

export function appBuildStep(
  layout: RepositoryLayout,
  workspaces: readonly string[],
  logDirectory: string,
): ChildSpec {
  return {
    name: "build",
    command: "pnpm",
    args: [
      "exec",
      "turbo",
      "run",
      "build",
      ...workspaces.map((name) => `--filter=${name}`),
      "--output-logs=errors-only",
      "--log-prefix=none",
    ],
    cwd: layout.root,
    output: { kind: "file", path: join(logDirectory, "build.log") },
  };
}
