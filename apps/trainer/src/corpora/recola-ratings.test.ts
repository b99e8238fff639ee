import { describe, expect, it } from "vitest";
import { meanRating, parseRatingTrack } from "./recola-ratings.js";

describe("RECOLA gold-standard ratings", () => {
  it("reads the AVEC ARFF form", () => {
    const text = [
      "@relation GOLDSTANDARD",
      "@attribute Instance_name string",
      "@attribute frameTime numeric",
      "@attribute GoldStandard numeric",
      "@data",
      "'train_1',0.00,0.1",
      "'train_1',0.04,0.3",
    ].join("\n");
    const track = parseRatingTrack(text, "train_1.arff");
    expect(Array.from(track.times)).toEqual([0, 0.04]);
    expect(Array.from(track.values)).toEqual([0.1, 0.3]);
  });

  it("averages the raters of the per-rater CSV form", () => {
    const track = parseRatingTrack(
      "time;FM1 ;FM2 ;FF1 \n0.00;0.1;0.2;0.3\n0.04;-0.1;-0.2;-0.3\n",
      "P16.csv",
    );
    expect(Array.from(track.values).map((v) => Number(v.toFixed(9)))).toEqual([0.2, -0.2]);
  });

  it("takes the GoldStandard column of a CSV when it has one", () => {
    const track = parseRatingTrack(
      "Instance_name,frameTime,GoldStandard\ntrain_1,0.0,0.5\n",
      "train_1.csv",
    );
    expect(Array.from(track.values)).toEqual([0.5]);
  });

  it("averages the ratings inside a segment", () => {
    const track = parseRatingTrack("time;a\n0;1\n1;2\n2;3\n3;4\n", "x.csv");
    expect(meanRating(track, 1, 3)).toBe(2.5);
    expect(meanRating(track, 5, 6)).toBeUndefined();
  });

  it("fails with BAD_ANNOTATION and the line for an unreadable row", () => {
    expect(() => parseRatingTrack("time;a\n0;1\n1;x\n", "x.csv")).toThrow(
      expect.objectContaining({
        code: "BAD_ANNOTATION",
        details: expect.objectContaining({ line: 3 }),
      }),
    );
  });
});
