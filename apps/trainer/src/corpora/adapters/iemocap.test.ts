import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeIemocapFixture } from "../../../test/fixtures/iemocap-fixture.js";
import { tone, writeWav } from "../../../test/fixtures/wav-fixture.js";
import { defaultLabellingOptions } from "../read-corpora.js";
import { iemocapAdapter } from "./iemocap.js";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "iemocap-"));
  await writeIemocapFixture(root);
  // An unannotated turn and an annotation line with no audio: both reported, the rest proceeds.
  await writeWav(
    join(root, "Session1", "sentences", "wav", "Ses01F_impro01", "Ses01F_impro01_M099.wav"),
    tone(0.2, 16000),
  );
  const evaluation = join(root, "Session1", "dialog", "EmoEvaluation", "Ses01F_impro01.txt");
  await writeFile(
    evaluation,
    `[9.0000 - 9.5000]\tSes01F_impro01_F077\tneu\t[3.0000, 3.0000, 3.0000]\n[broken line\n`,
    { flag: "a" },
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("IEMOCAP adapter", () => {
  it("labels turns by valence/arousal with midpoint 3 (3 counts as high), speakers from turn names", async () => {
    const reading = await iemocapAdapter.read(root, defaultLabellingOptions());
    const byId = Object.fromEntries(reading.utterances.map((u) => [u.id, u]));
    expect(Object.keys(byId).sort()).toEqual([
      "Ses01F_impro01_F000",
      "Ses01F_impro01_F001",
      "Ses01F_impro01_M000",
      "Ses02M_script01_1_F000",
      "Ses02M_script01_1_F001",
      "Ses02M_script01_1_M000",
    ]);
    expect(byId.Ses01F_impro01_F000).toMatchObject({
      label: "sadness",
      speaker: "iemocap_Ses01_F",
      gender: "female",
    });
    expect(byId.Ses01F_impro01_M000).toMatchObject({
      label: "anger",
      speaker: "iemocap_Ses01_M",
      gender: "male",
    });
    expect(byId.Ses01F_impro01_F001?.label).toBe("joy");
    expect(byId.Ses02M_script01_1_F001?.label).toBe("pleasure");
    expect(byId.Ses02M_script01_1_M000?.rawLabels).toEqual({
      emotion: "sad",
      valence: 2,
      arousal: 2,
      dominance: 2,
    });
  });

  it("labels turns by category when asked, skipping xxx as unmapped", async () => {
    const reading = await iemocapAdapter.read(
      root,
      defaultLabellingOptions({ iemocapLabels: "category" }),
    );
    const labels = Object.fromEntries(reading.utterances.map((u) => [u.id, u.label]));
    expect(labels).toEqual({
      Ses01F_impro01_F000: "pleasure",
      Ses01F_impro01_M000: "anger",
      Ses02M_script01_1_M000: "sadness",
      Ses02M_script01_1_F000: "joy",
      Ses02M_script01_1_F001: "joy",
    });
    expect(reading.skipped).toContainEqual(
      expect.objectContaining({ reason: "unknown-label", label: "xxx" }),
    );
  });

  it("reports an annotation without audio, audio without annotation and an unreadable line", async () => {
    const reading = await iemocapAdapter.read(root, defaultLabellingOptions());
    const reasons = reading.skipped.map((item) => [item.reason, item.file.split("/").at(-1)]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ["unreadable-file", "Ses01F_impro01_F077.wav"],
        ["no-label", "Ses01F_impro01_M099.wav"],
        ["bad-annotation", "Ses01F_impro01.txt:18"],
      ]),
    );
  });

  it("fails with CORPUS_NOT_FOUND for a missing root", async () => {
    await expect(
      iemocapAdapter.read(join(root, "nope"), defaultLabellingOptions()),
    ).rejects.toMatchObject({
      code: "CORPUS_NOT_FOUND",
    });
  });
});
