// `trainer report [runs...] [--markdown | --json [--summary]]`: the study's table layout over
// finished runs (default: every run under `--runs`), cells as mean ± sd over seeds and folds, as
// text, Markdown, one JSON row per run and test set, or (`--json --summary`) the tables' cells as
// JSON. Unfinished runs are named and left out.
import {
  findRunDirectories,
  readReportRows,
  renderMarkdown,
  renderText,
  studyTables,
} from "@emotion-stream/artifacts";
import { EmotionStreamError } from "@emotion-stream/core";
import type { Command } from "commander";

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("print the study's table (per test corpus: classes x mono/multi/cross, UAR, WA)")
    .argument("[runs...]", "run directories or directories of runs (default: --runs)")
    .option("--runs <dir>", "runs directory", "runs")
    .option("--markdown", "print Markdown tables")
    .option("--json", "print one JSON row per run and test set")
    .option("--summary", "with --json: the tables (mean, sd, n per cell) instead of the rows")
    .action(
      async (
        paths: string[],
        flags: { runs: string; markdown?: boolean; json?: boolean; summary?: boolean },
      ) => {
        if (flags.summary === true && flags.json !== true) {
          throw new EmotionStreamError("BAD_ARGUMENT", "--summary goes with --json", {
            file: "command line",
            field: "--summary",
          });
        }
        const { rows, unfinished } = await readReportRows(
          await findRunDirectories(paths.length > 0 ? paths : [flags.runs]),
        );
        if (flags.json === true) {
          const value = flags.summary === true ? studyTables(rows) : rows;
          process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
          return;
        }
        const render = flags.markdown === true ? renderMarkdown : renderText;
        const tables = studyTables(rows).map(render);
        const notes = unfinished.map((run) => `not finished (${run.status}): ${run.run}`);
        process.stdout.write(`${[...tables, ...notes].join("\n\n")}\n`);
      },
    );
}
