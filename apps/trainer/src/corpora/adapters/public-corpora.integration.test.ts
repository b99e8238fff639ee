import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CORPORA_DIR, HAS_CORPORA } from "../../../test/fixtures/shared-corpora.js";
import type { CorpusReading } from "../corpus-utterance.js";
import { defaultLabellingOptions } from "../read-corpora.js";
import { emodbAdapter } from "./emodb.js";
import { manifestAdapter } from "./manifest.js";
import { ravdessAdapter } from "./ravdess.js";

describe.skipIf(!HAS_CORPORA)("public corpora in ../shared/corpora", () => {
  const options = defaultLabellingOptions();
  let ravdess: CorpusReading;
  let emodb: CorpusReading;
  let manifest: CorpusReading;

  beforeAll(async () => {
    ravdess = await ravdessAdapter.read(join(CORPORA_DIR, "ravdess"), options);
    emodb = await emodbAdapter.read(join(CORPORA_DIR, "emodb"), options);
    manifest = await manifestAdapter.read(join(CORPORA_DIR, "manifest.csv"), options);
  });

  it("reads all 864 RAVDESS files of 24 actors, every emotion mapped", () => {
    expect(ravdess.utterances).toHaveLength(864);
    expect(ravdess.skipped).toEqual([]);
    expect(new Set(ravdess.utterances.map((u) => u.speaker)).size).toBe(24);
    expect(ravdess.utterances.every((u) => u.language === "en")).toBe(true);
  });

  it("reads all 535 EmoDB files of 10 speakers, every emotion mapped", () => {
    expect(emodb.utterances).toHaveLength(535);
    expect(emodb.skipped).toEqual([]);
    expect(new Set(emodb.utterances.map((u) => u.speaker)).size).toBe(10);
    expect(emodb.utterances.every((u) => u.language === "de")).toBe(true);
  });

  it("agrees with manifest.csv on speaker, gender, language, emotion and quadrant of every file", () => {
    expect(manifest.utterances).toHaveLength(864 + 535);
    const byPath = new Map(manifest.utterances.map((u) => [u.source.path, u]));
    for (const utterance of [...ravdess.utterances, ...emodb.utterances]) {
      const listed = byPath.get(utterance.source.path);
      expect(listed, utterance.source.path).toBeDefined();
      expect({ ...utterance, id: "", rawLabels: {} }).toEqual({ ...listed, id: "", rawLabels: {} });
    }
  });
});
