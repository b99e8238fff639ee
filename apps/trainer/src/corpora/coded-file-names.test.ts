import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRavdessName } from "./adapters/ravdess.js";
import { collectCodedWavFiles } from "./coded-file-names.js";
import { CorpusCollector } from "./corpus-collector.js";
import { defaultLabellingOptions } from "./read-corpora.js";

describe("collecting wav files whose names code speaker and emotion", () => {
  it("adds each fitting name by its emotion, keeps its intensity and skips the others", async () => {
    const folder = await mkdtemp(join(tmpdir(), "coded-file-names-"));
    try {
      await mkdir(join(folder, "Actor_12"));
      await writeFile(join(folder, "Actor_12", "03-01-05-02-01-01-12.wav"), "");
      await writeFile(join(folder, "Actor_12", "notes.wav"), "");
      const collector = new CorpusCollector(
        "ravdess",
        folder,
        defaultLabellingOptions().emotionMapping,
      );
      const code = { pattern: "MM-VV-EE-II-SS-RR-AA.wav", parse: parseRavdessName };
      await collectCodedWavFiles(folder, collector, "en", code);
      const { utterances, skipped } = collector.reading();
      expect(utterances).toEqual([
        {
          id: "03-01-05-02-01-01-12",
          corpus: "ravdess",
          speaker: "ravdess_12",
          gender: "female",
          language: "en",
          source: { kind: "audio", path: join(folder, "Actor_12", "03-01-05-02-01-01-12.wav") },
          rawLabel: "angry",
          rawLabels: { emotion: "angry", intensity: "strong" },
          label: "anger",
        },
      ]);
      expect(skipped).toEqual([
        {
          file: join(folder, "Actor_12", "notes.wav"),
          reason: "bad-annotation",
          message: "notes.wav is not an MM-VV-EE-II-SS-RR-AA.wav name",
        },
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
