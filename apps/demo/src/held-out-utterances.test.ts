import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playlistLanguage, readHeldOutUtterances } from "./held-out-utterances.js";

describe("held-out utterances from a manifest", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "held-out-"));
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));

  it("lists every row with its path resolved against the manifest's folder", async () => {
    const manifest = join(directory, "manifest.csv");
    await writeFile(
      manifest,
      "path,corpus,language,speaker,gender,emotion,intensity,duration_s\n" +
        "a/s1/x.wav,synthetic,synth-stress,s1,male,angry,normal,1.5\n" +
        "b/s2/y.wav,synthetic,synth-syllable,s2,female,calm,normal,2.0\n",
    );
    expect(await readHeldOutUtterances(manifest)).toEqual([
      {
        path: join(directory, "a/s1/x.wav"),
        speaker: "s1",
        emotion: "angry",
        language: "synth-stress",
      },
      {
        path: join(directory, "b/s2/y.wav"),
        speaker: "s2",
        emotion: "calm",
        language: "synth-syllable",
      },
    ]);
  });

  it("declares the playlist's language only when every utterance has the same language tag", () => {
    const utterance = (language?: string) => ({
      path: "x.wav",
      speaker: "s",
      emotion: "angry",
      ...(language === undefined ? {} : { language }),
    });
    expect(playlistLanguage([utterance("de"), utterance("de")])).toEqual({ language: "de" });
    expect(playlistLanguage([utterance("en"), utterance("de")])).toEqual({});
    expect(playlistLanguage([utterance("en"), utterance()])).toEqual({});
    expect(playlistLanguage([utterance(), utterance()])).toEqual({});
    // The synthetic corpus names its voice styles, which are no language tags.
    expect(playlistLanguage([utterance("synth-stress")])).toEqual({});
  });

  it("names the missing column (BAD_FILE), an empty list (EMPTY_CORPUS) and a missing file", async () => {
    const noEmotion = join(directory, "no-emotion.csv");
    await writeFile(noEmotion, "path,speaker\nx.wav,s1\n");
    await expect(readHeldOutUtterances(noEmotion)).rejects.toMatchObject({
      code: "BAD_FILE",
      details: { field: "emotion" },
    });
    const empty = join(directory, "empty.csv");
    await writeFile(empty, "path,speaker,emotion\n");
    await expect(readHeldOutUtterances(empty)).rejects.toMatchObject({ code: "EMPTY_CORPUS" });
    await expect(readHeldOutUtterances(join(directory, "none.csv"))).rejects.toMatchObject({
      code: "FILE_NOT_FOUND",
    });
  });
});
