// Every finished run under the runs directory in the study's table layout, as `pnpm trainer
// report` prints it: a study's runs seen together (mean ± sd over seeds and folds), where the runs
// pages show them one by one.
import { readRunsDirectory } from "@emotion-stream/artifacts";
import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "../../components/notice.js";
import { StudyTables } from "../../components/runs/study-tables.js";
import { UnreadableRunsNotice } from "../../components/runs/unreadable-runs-notice.js";
import { readEnv } from "../../env.js";
import { runRecordFromFiles } from "../../runs/run-files.js";

export const metadata: Metadata = { title: "Study" };

export default async function StudyPage() {
  const { runsDir } = readEnv();
  const directory = await readRunsDirectory(runsDir);
  const runs = directory.state === "read" ? directory.runs.map(runRecordFromFiles) : [];
  const unfinished = runs.filter((run) => run.status !== "finished");
  return (
    <>
      <h1>Study</h1>
      <p className="muted">
        Every finished run under <code>{runsDir}</code>, as <code>pnpm trainer report</code> prints
        them: per preset and test corpus, a column per experiment kind, each cell the mean ± sd over
        its runs' seeds and folds (n in the heading). Each run on its own is on the{" "}
        <Link href="/runs">runs list</Link>.
      </p>
      <StudyTables rows={runs.flatMap((run) => run.reportRows)} />
      {unfinished.length > 0 ? (
        <Notice title="Runs not finished, left out" tone="warn">
          <ul>
            {unfinished.map((run) => (
              <li key={run.id}>
                <Link href={`/runs/${encodeURIComponent(run.id)}`}>{run.id}</Link> ({run.status})
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <UnreadableRunsNotice directory={directory} />
    </>
  );
}
