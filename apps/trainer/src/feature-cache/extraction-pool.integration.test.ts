import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPORA_DIR, HAS_CORPORA } from "../../test/fixtures/shared-corpora.js";
import type { ExtractionJob, ExtractionResult } from "./extraction-job.js";
import { ExtractionPool } from "./extraction-pool.js";

const files = ["03a01Fa.wav", "03a01Nc.wav", "08a01Ab.wav", "16b10Wb.wav"].map((name) =>
  join(CORPORA_DIR, "emodb", "wav", name),
);

async function run(jobs: ExtractionJob[], workers: number): Promise<ExtractionResult[]> {
  const results: ExtractionResult[] = [];
  const pool = new ExtractionPool({ workers });
  try {
    await pool.run(jobs, (result) => results.push(result));
    return results.sort((a, b) => a.id - b.id);
  } finally {
    await pool.close();
  }
}

describe.skipIf(!HAS_CORPORA)("extraction on worker threads", () => {
  it("gives exactly the in-process features, fingerprints and durations", async () => {
    const jobs = files.map((path, id) => ({ id, path, featureSet: "mfcc0_12" }));
    const [pooled, inProcess] = [await run(jobs, 2), await run(jobs, 0)];
    expect(pooled).toHaveLength(files.length);
    expect(pooled.every((result) => result.ok)).toBe(true);
    expect(pooled).toEqual(inProcess);
  });

  it("serves several runs with the same workers", async () => {
    const pool = new ExtractionPool({ workers: 2 });
    const ids: number[] = [];
    try {
      await pool.run([{ id: 0, path: files[0] ?? "", featureSet: "mfcc0_12" }], (r) =>
        ids.push(r.id),
      );
      const rest = files.slice(1).map((path, n) => ({ id: n + 1, path, featureSet: "mfcc0_12" }));
      await pool.run(rest, (r) => ids.push(r.id));
    } finally {
      await pool.close();
    }
    expect(ids.sort()).toEqual([0, 1, 2, 3]);
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
