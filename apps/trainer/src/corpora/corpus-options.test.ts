import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { addCorpusOptions, parseCorpusOptions } from "./corpus-options.js";

function flags(...args: string[]): unknown {
  const command = addCorpusOptions(new Command()).exitOverride();
  command.parse(args, { from: "user" });
  return command.opts();
}

describe("corpus options", () => {
  it("parses repeated --corpus and the labelling flags into typed options", () => {
    const options = parseCorpusOptions(
      flags(
        "--corpus",
        "ravdess:/",
        "--corpus",
        "emodb:/:fr",
        "--iemocap-threshold",
        "2.5",
        "--recola-segment",
        "6",
        "--recola-voiced-only",
        "--workers",
        "0",
      ),
      "/home/user",
    );
    expect(options.corpora).toEqual([
      { adapter: "ravdess", path: "/" },
      { adapter: "emodb", path: "/", language: "fr" },
    ]);
    expect(options).toMatchObject({
      featureSet: "mfcc0_12",
      cacheDir: "/home/user/.cache/features",
      workers: 0,
    });
    expect(options.labelling).toMatchObject({
      iemocapLabels: "dimensions",
      iemocapThresholds: { valenceMidpoint: 2.5, arousalMidpoint: 2.5 },
      recolaSegmentSeconds: 6,
      recolaVoicedOnly: true,
    });
  });

  it("keeps only the --labels words: the others map to nothing, and the table is kept for the card", () => {
    const options = parseCorpusOptions(
      flags("--corpus", "emodb:/", "--labels", "happy, angry,sad,neutral,calm"),
    );
    expect(options.labels).toEqual(["happy", "angry", "sad", "neutral", "calm"]);
    const { emotionMapping } = options.labelling;
    expect(emotionMapping.lookup("angry").quadrant).toBe("anger");
    expect(emotionMapping.lookup("calm").quadrant).toBe("pleasure");
    expect(emotionMapping.lookup("bored").quadrant).toBeNull();
    expect(options.emotionTable?.happy).toBe("joy");
    expect(options.emotionTable?.boredom).toBeNull();
    expect(() =>
      parseCorpusOptions(flags("--corpus", "emodb:/", "--labels", "happy,grumpy")),
    ).toThrow(
      expect.objectContaining({
        code: "BAD_ARGUMENT",
        details: expect.objectContaining({ field: "--labels", value: "grumpy" }),
      }),
    );
  });

  it("asks for at least one --corpus", () => {
    expect(() => parseCorpusOptions(flags())).toThrow(
      expect.objectContaining({
        code: "BAD_ARGUMENT",
        details: expect.objectContaining({ field: "corpus" }),
      }),
    );
  });

  it("rejects an IEMOCAP threshold off the 1-5 scale and an unknown label source", () => {
    expect(() =>
      parseCorpusOptions(flags("--corpus", "ravdess:/", "--iemocap-threshold", "7")),
    ).toThrow(
      expect.objectContaining({
        code: "BAD_ARGUMENT",
        details: expect.objectContaining({ field: "iemocapThreshold" }),
      }),
    );
    expect(() =>
      parseCorpusOptions(flags("--corpus", "ravdess:/", "--iemocap-labels", "both")),
    ).toThrow(
      expect.objectContaining({
        code: "BAD_ARGUMENT",
        details: expect.objectContaining({ field: "iemocapLabels" }),
      }),
    );
  });
});
