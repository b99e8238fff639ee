// Builds one workspace (and what it depends on) through turbo's cache, then runs its entry with the
// user's arguments: `pnpm trainer train --corpus ...` -> node apps/trainer/dist/cli.js train --corpus ...
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [workspaceName, entry, ...args] = process.argv.slice(2);

function findWorkspaceDir(name) {
  for (const group of ["apps", "packages"]) {
    for (const dir of readdirSync(join(root, group))) {
      try {
        const manifest = JSON.parse(readFileSync(join(root, group, dir, "package.json"), "utf8"));
        if (manifest.name === name) return join(root, group, dir);
      } catch {}
    }
  }
  throw new Error(`no workspace named ${name}`);
}

const workspaceDir = findWorkspaceDir(workspaceName);
const build = spawnSync(
  "pnpm",
  [
    "exec",
    "turbo",
    "run",
    "build",
    `--filter=${workspaceName}...`,
    "--output-logs=errors-only",
    "--log-prefix=none",
  ],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
);
if (build.status !== 0) {
  console.error(`build of ${workspaceName} failed; run \`pnpm build\` to see why`);
  process.exit(build.status ?? 1);
}
const command = entry
  ? ["node", [join(workspaceDir, entry), ...args]]
  : ["pnpm", ["run", "start", ...args]];
const run = spawnSync(command[0], command[1], {
  cwd: process.cwd(),
  stdio: "inherit",
  env: { ...process.env, INIT_CWD: process.cwd() },
});
process.exit(run.status ?? (run.signal ? 1 : 0));
