// The runs list: every run under the runs directory, summarised for the sortable table (the rest of
// each run stays on the server), or how to make the first one.
import { readRunsDirectory } from "@emotion-stream/artifacts";
import type { Metadata } from "next";
import { Notice } from "../../components/notice.js";
import { RunsTable } from "../../components/runs/runs-table.js";
import { UnreadableRunsNotice } from "../../components/runs/unreadable-runs-notice.js";
import { readEnv } from "../../env.js";
import { runRecordFromFiles } from "../../runs/run-files.js";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  const { runsDir } = readEnv();
  const directory = await readRunsDirectory(runsDir);
  return (
    <>
      <h1>Runs</h1>
      <p className="muted">
        From <code>{runsDir}</code> (set <code>EMOTION_STREAM_RUNS_DIR</code> to read another).
      </p>
      {directory.state === "missing" || directory.runs.length === 0 ? (
        <Notice title="No runs yet">
          <p>
            Train a model, e.g.{" "}
            <code>pnpm trainer train --corpus ravdess:../shared/corpora/ravdess:en</code> (or the
            whole study with{" "}
            <code>pnpm trainer experiment --plan study --corpus ... --corpus ...</code>), then
            reload this page. Runs appear here as the trainer writes them.
          </p>
        </Notice>
      ) : (
        <RunsTable
          runs={directory.runs.map((files) => {
            // The list shows a summary: the rest stays on the server.
            const { config, modelCard, dataSummary, history, reportRows, ...run } =
              runRecordFromFiles(files);
            return run;
          })}
        />
      )}
      <UnreadableRunsNotice directory={directory} />
    </>
  );
}
