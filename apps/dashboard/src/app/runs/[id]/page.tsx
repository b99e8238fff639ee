import { join } from "node:path";
import { readRun } from "@emotion-stream/artifacts";
import { EmotionStreamError } from "@emotion-stream/core";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "../../../components/notice.js";
import { RunDetails } from "../../../components/runs/run-details.js";
import { readEnv } from "../../../env.js";
import { runRecordFromFiles } from "../../../runs/run-files.js";

interface RunPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: RunPageProps): Promise<Metadata> {
  return { title: `Run ${decodeURIComponent((await params).id)}` };
}

export default async function RunPage({ params }: RunPageProps) {
  const id = decodeURIComponent((await params).id);
  const { runsDir } = readEnv();
  if (id.includes("/") || id.includes("\\") || id.startsWith(".")) notFound();
  try {
    const run = runRecordFromFiles(await readRun(join(runsDir, id)));
    return <RunDetails run={run} />;
  } catch (error) {
    if (error instanceof EmotionStreamError && error.code === "RUN_NOT_FOUND") notFound();
    return (
      <Notice title={`Run ${id} cannot be read`} tone="error">
        <p>{error instanceof EmotionStreamError ? error.describe() : String(error)}</p>
        <p>
          <Link href="/runs">Back to all runs</Link>
        </p>
      </Notice>
    );
  }
}
