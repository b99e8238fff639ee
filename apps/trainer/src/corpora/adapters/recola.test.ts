import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRecolaFixture } from "../../../test/fixtures/recola-fixture.js";
import { defaultLabellingOptions } from "../read-corpora.js";
import { recolaAdapter } from "./recola.js";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "recola-"));
  await writeRecolaFixture(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("RECOLA adapter", () => {
  it("cuts each rated recording into 4 s segments labelled by the sign of their mean ratings", async () => {
    const reading = await recolaAdapter.read(root, defaultLabellingOptions());
    const segments = reading.utterances.map((u) => [u.id, u.label, u.speaker, u.language]);
    expect(segments).toEqual([
      ["train_1_0.00-4.00", "joy", "recola_train_1", "fr"],
      ["train_1_4.00-8.00", "sadness", "recola_train_1", "fr"],
      ["train_1_8.00-12.00", "anger", "recola_train_1", "fr"],
      ["train_2_0.00-4.00", "joy", "recola_train_2", "fr"],
      ["train_2_4.00-8.00", "sadness", "recola_train_2", "fr"],
      ["train_2_8.00-12.00", "anger", "recola_train_2", "fr"],
    ]);
    expect(reading.utterances[0]?.rawLabels.valence).toBeCloseTo(0.2, 9);
    expect(reading.utterances[4]?.rawLabels.arousal).toBeCloseTo(-0.2, 9);
    expect(reading.utterances[0]?.source).toEqual({
      kind: "audio-segment",
      path: join(root, "recordings_audio", "train_1.wav"),
      startSeconds: 0,
      endSeconds: 4,
    });
  });

  it("reports a recording without gold standard and goes on", async () => {
    const reading = await recolaAdapter.read(root, defaultLabellingOptions());
    expect(reading.skipped).toEqual([
      expect.objectContaining({
        file: join(root, "recordings_audio", "dev_1.wav"),
        reason: "no-label",
      }),
    ]);
  });

  it("keeps only segments with active speech when asked", async () => {
    const reading = await recolaAdapter.read(
      root,
      defaultLabellingOptions({ recolaVoicedOnly: true }),
    );
    expect(reading.utterances.map((u) => u.id)).toEqual([
      "train_1_0.00-4.00",
      "train_1_8.00-12.00",
      "train_2_0.00-4.00",
      "train_2_8.00-12.00",
    ]);
  });

  it("uses the configured segment length", async () => {
    const reading = await recolaAdapter.read(
      root,
      defaultLabellingOptions({ recolaSegmentSeconds: 6 }),
    );
    expect(
      reading.utterances.filter((u) => u.speaker === "recola_train_1").map((u) => u.id),
    ).toEqual(["train_1_0.00-6.00", "train_1_6.00-12.00"]);
  });
});
