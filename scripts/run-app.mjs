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
// pnpm runs root scripts from the repository root; the app runs where the user typed the command.
const userDirectory = process.env.INIT_CWD ?? process.cwd();
const [program, programArgs] = entry
  ? ["node", [join(workspaceDir, entry), ...args]]
  : ["pnpm", ["--dir", workspaceDir, "run", "start", ...args]];
// Ctrl-C reaches the whole terminal group: let the app shut down its own children and report how
// it ended, instead of dying first and leaving pnpm to print a failure over its output.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => {});
const run = spawnSync(program, programArgs, { cwd: userDirectory, stdio: "inherit" });
process.exit(run.status ?? (run.signal ? 1 : 0));
