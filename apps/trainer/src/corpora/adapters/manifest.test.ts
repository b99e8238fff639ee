import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLabellingOptions } from "../read-corpora.js";
import { manifestAdapter } from "./manifest.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "manifest-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function manifest(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

describe("manifest adapter", () => {
  it("reads emotion words and valence/arousal rows; paths relative to the manifest's folder", async () => {
    const file = await manifest(
      "mixed.csv",
      [
        "path,corpus,language,speaker,gender,emotion,valence,arousal",
        "clips/a.wav,mine,fr,07,female,happy,,",
        '"clips/b, take 2.wav",mine,fr,08,m,,-0.4,0.6',
        "clips/c.wav,mine,fr,08,m,surprised,,",
        "clips/d.wav,mine,fr,08,m,,,",
      ].join("\n"),
    );
    const reading = await manifestAdapter.read(file, defaultLabellingOptions());
    expect(reading.utterances.map((u) => [u.id, u.speaker, u.gender, u.language, u.label])).toEqual(
      [
        ["clips/a", "mine_07", "female", "fr", "joy"],
        ["clips/b, take 2", "mine_08", "male", "fr", "anger"],
      ],
    );
    expect(reading.utterances[1]?.source.path).toBe(join(dir, "clips", "b, take 2.wav"));
    expect(reading.skipped.map((s) => [s.reason, s.label])).toEqual([
      ["unknown-label", "surprised"],
      ["no-label", undefined],
    ]);
  });

  it("reads an absolute path as written, not below the manifest's folder", async () => {
    const elsewhere = join(tmpdir(), "elsewhere", "a.wav");
    const file = await manifest(
      "absolute.csv",
      `path,corpus,language,speaker,emotion\n${elsewhere},mine,en,1,sad\n`,
    );
    const reading = await manifestAdapter.read(file, defaultLabellingOptions());
    expect(reading.utterances.map((u) => u.source.path)).toEqual([elsewhere]);
  });

  it("fails naming the file and column when a required column is missing", async () => {
    const file = await manifest("no-speaker.csv", "path,language,emotion\na.wav,en,happy\n");
    await expect(manifestAdapter.read(file, defaultLabellingOptions())).rejects.toMatchObject({
      code: "BAD_FILE",
      details: { file, field: "speaker" },
    });
    const unlabelled = await manifest(
      "no-labels.csv",
      "path,language,speaker,valence\na.wav,en,1,0.5\n",
    );
    await expect(manifestAdapter.read(unlabelled, defaultLabellingOptions())).rejects.toMatchObject(
      {
        code: "BAD_FILE",
        details: { file: unlabelled, field: "arousal" },
      },
    );
  });

  it("needs no language column when --corpus gives the language", async () => {
    const file = await manifest("no-language.csv", "path,speaker,emotion\na.wav,1,sad\n");
    const reading = await manifestAdapter.read(file, {
      ...defaultLabellingOptions(),
      language: "it",
    });
    expect(reading.utterances[0]).toMatchObject({ language: "it", label: "sadness" });
  });
});
