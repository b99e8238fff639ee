// `trainer report [runs...] [--markdown | --json]`: the study's table layout over finished runs
// (default: every run under `--runs`), as text, Markdown, or one JSON row per run and test set.
// Unfinished runs are named and left out.
import type { Command } from "commander";
import { findRunDirectories, readRuns } from "../runs/read-runs.js";
import { renderMarkdown, renderText, studyTables } from "../runs/study-table.js";

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("print the study's table (per test corpus: classes x mono/multi/cross, UAR, WA)")
    .argument("[runs...]", "run directories or directories of runs (default: --runs)")
    .option("--runs <dir>", "runs directory", "runs")
    .option("--markdown", "print Markdown tables")
    .option("--json", "print one JSON row per run and test set")
    .action(
      async (paths: string[], flags: { runs: string; markdown?: boolean; json?: boolean }) => {
        const { rows, unfinished } = await readRuns(
          await findRunDirectories(paths.length > 0 ? paths : [flags.runs]),
        );
        if (flags.json === true) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        const render = flags.markdown === true ? renderMarkdown : renderText;
        const tables = studyTables(rows).map(render);
        const notes = unfinished.map((run) => `not finished (${run.status}): ${run.run}`);
        process.stdout.write(`${[...tables, ...notes].join("\n\n")}\n`);
      },
    );
}
