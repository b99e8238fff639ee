// Where the demo finds the programs it runs: the built command lines of the trainer and the stream
// server and the dashboard's Next.js app, all relative to this checkout (apps never import apps).
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface RepositoryLayout {
  readonly root: string;
  readonly trainerCli: string;
  readonly serverCli: string;
  readonly dashboardDir: string;
}

/** This file sits in apps/demo/src or apps/demo/dist, three levels below the root. */
export function repositoryLayout(
  root: string = resolve(dirname(fileURLToPath(import.meta.url)), "../../.."),
): RepositoryLayout {
  return {
    root,
    trainerCli: join(root, "apps/trainer/dist/cli.js"),
    serverCli: join(root, "apps/stream-server/dist/cli.js"),
    dashboardDir: join(root, "apps/dashboard"),
  };
}

/** The Next.js command line the dashboard depends on, run with node (no pnpm/npx in between). */
export function nextCli(layout: RepositoryLayout): string {
  return createRequire(join(layout.dashboardDir, "package.json")).resolve("next/dist/bin/next");
}
