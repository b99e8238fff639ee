import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CORPORA_DIR, HAS_CORPORA } from "../../test/fixtures/shared-corpora.js";
import type { ExtractionJob, ExtractionResult } from "./extraction-job.js";
import { runExtractionJobs } from "./extraction-pool.js";

// Worker threads run compiled JavaScript: this test uses the built worker (`pnpm build` first).
const workerUrl = new URL("../../dist/feature-cache/extraction-worker.js", import.meta.url);
const HAS_WORKER = existsSync(fileURLToPath(workerUrl));
if (!HAS_WORKER) console.warn("trainer dist not built: worker-pool test skipped (run pnpm build)");

const files = ["03a01Fa.wav", "03a01Nc.wav", "08a01Ab.wav", "16b10Wb.wav"].map((name) =>
  join(CORPORA_DIR, "emodb", "wav", name),
);

async function run(jobs: ExtractionJob[], workers: number): Promise<ExtractionResult[]> {
  const results: ExtractionResult[] = [];
  await runExtractionJobs(jobs, (result) => results.push(result), { workers, workerUrl });
  return results.sort((a, b) => a.id - b.id);
}

describe.skipIf(!HAS_CORPORA || !HAS_WORKER)("extraction on worker threads", () => {
  it("gives exactly the in-process features, fingerprints and durations", async () => {
    const jobs = files.map((path, id) => ({ id, path, featureSet: "mfcc0_12" }));
    const [pooled, inProcess] = [await run(jobs, 2), await run(jobs, 0)];
    expect(pooled).toHaveLength(files.length);
    expect(pooled.every((result) => result.ok)).toBe(true);
    expect(pooled).toEqual(inProcess);
  });

  it("reports an unreadable file as a failed result and finishes the rest", async () => {
    const jobs = [
      { id: 0, path: files[0] ?? "", featureSet: "mfcc0_12" },
      { id: 1, path: join(CORPORA_DIR, "README.md"), featureSet: "mfcc0_12" },
    ];
    const results = await run(jobs, 2);
    expect(results.map((result) => result.ok)).toEqual([true, false]);
  });
});
