// Runs the given turbo tasks (lint, typecheck, tests) over every workspace, then prints one closing
// line summed over their vitest and Playwright JSON reports (turbo's cache restores those reports,
// so a cached run prints the same line).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tasks = process.argv.slice(2);
const run = spawnSync("pnpm", ["exec", "turbo", "run", ...tasks], {
  cwd: root,
  stdio: "inherit",
});

const totals = { passed: 0, failed: 0, skipped: 0 };
const reportNames = [
  tasks.includes("test") && "vitest.json",
  tasks.includes("test:e2e") && "e2e.json",
];
for (const group of ["apps", "packages"]) {
  for (const dir of readdirSync(join(root, group))) {
    for (const reportName of reportNames.filter(Boolean)) {
      const report = join(root, group, dir, "reports", reportName);
      if (!existsSync(report)) continue;
      const counts = JSON.parse(readFileSync(report, "utf8"));
      // vitest's json reporter and Playwright's json reporter name their counts differently.
      totals.passed += counts.numPassedTests ?? counts.stats?.expected ?? 0;
      totals.failed += counts.numFailedTests ?? counts.stats?.unexpected ?? 0;
      totals.skipped +=
        (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0) + (counts.stats?.skipped ?? 0);
    }
  }
}
const status = run.status ?? 1;
if (status !== 0 && totals.failed === 0) totals.failed = 1; // a task that failed before reporting still fails
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status);
