import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPORA_DIR, HAS_CORPORA } from "../../test/fixtures/shared-corpora.js";
import { defaultLabellingOptions } from "../corpora/read-corpora.js";
import { loadCachedCorpora } from "./load-cached-corpora.js";

let cacheDir: string;

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "cache-emodb-"));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe.skipIf(!HAS_CORPORA)("feature cache on the real EmoDB", () => {
  const options = () => ({
    corpora: [{ adapter: "emodb", path: join(CORPORA_DIR, "emodb") }],
    labelling: defaultLabellingOptions(),
    featureSet: "mfcc0_12",
    cacheDir,
  });

  it("extracts all 535 files once, 1,487 s of audio at 100 frames/s, then reuses them", async () => {
    const cold = await loadCachedCorpora(options());
    await cold.store.close();
    expect(cold.corpora[0]?.files).toEqual({ extracted: 535, reused: 0 });
    const seconds = cold.utterances.reduce((sum, u) => sum + u.durationSeconds, 0);
    expect(Math.round(seconds)).toBe(1487);
    for (const utterance of cold.utterances) {
      expect(Math.abs(utterance.frames - utterance.durationSeconds * 100)).toBeLessThan(3);
    }
    const warm = await loadCachedCorpora(options());
    expect(warm.corpora[0]?.files).toEqual({ extracted: 0, reused: 535 });
    const features = await warm.store.load(warm.utterances[0] as (typeof warm.utterances)[number]);
    await warm.store.close();
    expect(features.dimension).toBe(13);
    expect(features.frames).toBe(warm.utterances[0]?.frames);
  });
});
