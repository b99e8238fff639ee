import { join } from "node:path";
import { readRun } from "@emotion-stream/artifacts";
import { EmotionStreamError } from "@emotion-stream/core";
import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "../../components/notice.js";
import { RunComparison } from "../../components/runs/run-comparison.js";
import { readEnv } from "../../env.js";
import { runRecordFromFiles } from "../../runs/run-files.js";
import type { RunRecord } from "../../runs/run-record.js";

export const metadata: Metadata = { title: "Compare runs" };

interface ComparePageProps {
  searchParams: Promise<{ ids?: string | string[] }>;
}

export default async function ComparePage({ searchParams }: ComparePageProps) {
  const { ids } = await searchParams;
  const requested = (Array.isArray(ids) ? ids.join(",") : (ids ?? "")).split(",").filter(Boolean);
  if (requested.length < 2) {
    return (
      <Notice title="Choose runs to compare">
        <p>
          Tick two or more runs on the <Link href="/runs">runs list</Link> and follow its “Compare”
          link.
        </p>
      </Notice>
    );
  }
  const { runsDir } = readEnv();
  const results = await Promise.all(requested.map((id) => readComparable(runsDir, id)));
  const runs = results.flatMap((result) => ("run" in result ? [result.run] : []));
  const problems = results.flatMap((result) => ("problem" in result ? [result.problem] : []));
  return (
    <>
      <h1>Compare {runs.length} runs</h1>
      {problems.length > 0 ? (
        <Notice title="Some runs could not be read" tone="warn">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <RunComparison runs={runs} />
    </>
  );
}

async function readComparable(
  runsDir: string,
  id: string,
): Promise<{ run: RunRecord } | { problem: string }> {
  if (id.includes("/") || id.includes("\\") || id.startsWith("."))
    return { problem: `${id}: not a run name` };
  try {
    return { run: runRecordFromFiles(await readRun(join(runsDir, id))) };
  } catch (error) {
    return {
      problem: error instanceof EmotionStreamError ? error.describe() : `${id}: ${String(error)}`,
    };
  }
}
