import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "./write-synthetic-corpus.js";

describe("writeSyntheticCorpus", async () => {
  const directory = await mkdtemp(join(tmpdir(), "synthetic-corpus-"));
  afterAll(() => rm(directory, { recursive: true, force: true }));
  const options = { seed: 3, speakersPerLanguage: 2, utterancesPerClass: 1 };

  it("writes 16-bit WAVs and a manifest in the shared corpora's columns", async () => {
    const result = await writeSyntheticCorpus(directory, options);
    expect(result).toMatchObject({ utterances: 16, generated: true });
    const [header, first] = (await readFile(result.manifestPath, "utf8")).split("\n");
    expect(header).toBe("path,corpus,language,speaker,gender,emotion,intensity,duration_s");
    const [path, corpus, language, , gender, emotion, , seconds] = (first ?? "").split(",");
    expect({ corpus, language, gender, emotion }).toEqual({
      corpus: "synthetic",
      language: "synth-stress",
      gender: "male",
      emotion: "happy",
    });
    const wav = await stat(join(directory, path ?? ""));
    // 44-byte header + 2 bytes per sample at 16 kHz; the manifest rounds to milliseconds.
    expect((wav.size - 44) / 2 / 16000).toBeCloseTo(Number(seconds), 3);
  });

  it("does not generate an identical corpus twice, and regenerates for other options", async () => {
    expect((await writeSyntheticCorpus(directory, options)).generated).toBe(false);
    expect((await writeSyntheticCorpus(directory, { ...options, seed: 4 })).generated).toBe(true);
  });
});
