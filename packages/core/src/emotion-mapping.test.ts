import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createEmotionMapping,
  DEFAULT_EMOTION_TABLE,
  type EmotionTable,
  emotionTableSchema,
  normaliseEmotionWord,
  quadrantFromValenceArousal,
  VALENCE_AROUSAL_PRESETS,
  valenceArousalThresholdsSchema,
} from "./emotion-mapping.js";
import { EmotionStreamError } from "./errors.js";
import { QUADRANT_CLASSES } from "./quadrant-classes.js";

function thrownBy(run: () => unknown): EmotionStreamError {
  try {
    run();
  } catch (error) {
    if (error instanceof EmotionStreamError) return error;
    throw error;
  }
  throw new Error("expected an EmotionStreamError");
}

describe("categorical emotion mapping", () => {
  const mapping = createEmotionMapping();
  const quadrant = (word: string) => mapping.lookup(word).quadrant;

  it("maps the study's groups", () => {
    expect(["happy", "happiness", "joy", "excited"].map(quadrant)).toEqual(Array(4).fill("joy"));
    expect(
      ["angry", "anger", "frustrated", "fearful", "fear", "disgust", "contempt"].map(quadrant),
    ).toEqual(Array(7).fill("anger"));
    expect(["sad", "sadness", "bored", "boredom"].map(quadrant)).toEqual(Array(4).fill("sadness"));
    expect(["neutral", "calm"].map(quadrant)).toEqual(["pleasure", "pleasure"]);
  });

  it("maps IEMOCAP's three-letter codes", () => {
    const codes = ["neu", "hap", "exc", "sad", "ang", "fru", "fea", "dis", "sur", "xxx", "oth"];
    expect(codes.map(quadrant)).toEqual([
      "pleasure",
      "joy",
      "joy",
      "sadness",
      "anger",
      "anger",
      "anger",
      "anger",
      null,
      null,
      null,
    ]);
  });

  it("ignores case, surrounding space and separators", () => {
    expect(quadrant("  HaPPy ")).toBe("joy");
    expect(quadrant("Pleasant_Surprise")).toBe("joy");
    expect(normaliseEmotionWord(" Pleasant-  surprise")).toBe("pleasant surprise");
  });

  it("skips surprise as unmapped, since its valence is undefined", () => {
    expect(mapping.lookup("Surprised")).toEqual({
      word: "surprised",
      quadrant: null,
      reason: "unmapped",
    });
  });

  it("throws UNKNOWN_EMOTION naming the word and where it came from", () => {
    const error = thrownBy(() => mapping.lookup("meh", { file: "labels.csv", line: 4 }));
    expect(error.code).toBe("UNKNOWN_EMOTION");
    expect(error.details).toEqual({ file: "labels.csv", line: 4, value: "meh" });
    expect(error.describe()).toContain("meh");
  });

  it("skips unknown words with reason 'unknown' when asked", () => {
    const lenient = createEmotionMapping({ onUnknown: "skip" });
    expect(lenient.lookup("Meh")).toEqual({ word: "meh", quadrant: null, reason: "unknown" });
  });

  it("merges overrides into the default table", () => {
    const merged = createEmotionMapping({ table: { Surprised: "joy", Neutral: null } });
    expect(merged.lookup("surprised").quadrant).toBe("joy");
    expect(merged.lookup("neutral")).toMatchObject({ quadrant: null, reason: "unmapped" });
    expect(merged.lookup("angry").quadrant).toBe("anger");
  });

  it("replaces the default table when asked", () => {
    const replaced = createEmotionMapping({ table: { W: "anger" }, mode: "replace" });
    expect(replaced.table).toEqual({ w: "anger" });
    expect(thrownBy(() => replaced.lookup("angry")).code).toBe("UNKNOWN_EMOTION");
  });

  it("treats words that are Object.prototype names as plain words", () => {
    // A literal `{ constructor: ... }` is typed by TypeScript as Object's constructor; build it instead.
    const table: EmotionTable = Object.fromEntries([
      ["constructor", "joy"],
      ["toString", null],
    ]);
    const custom = createEmotionMapping({ table, mode: "replace" });
    expect(custom.lookup("Constructor").quadrant).toBe("joy");
    expect(thrownBy(() => custom.lookup("hasOwnProperty")).code).toBe("UNKNOWN_EMOTION");
  });

  it("rejects an override table that maps one word two ways", () => {
    expect(
      thrownBy(() => createEmotionMapping({ table: { Happy: "joy", happy: "anger" } })).code,
    ).toBe("BAD_CONFIG");
  });

  it("keeps the table serialisable and normalised", () => {
    const table = createEmotionMapping().table;
    expect(emotionTableSchema.parse(JSON.parse(JSON.stringify(table)))).toEqual(table);
    for (const word of Object.keys(DEFAULT_EMOTION_TABLE))
      expect(normaliseEmotionWord(word)).toBe(word);
  });
});

describe("quadrantFromValenceArousal", () => {
  it("places IEMOCAP ratings by the midpoint 3", () => {
    expect(quadrantFromValenceArousal(4.5, 4, "iemocap")).toBe("joy");
    expect(quadrantFromValenceArousal(1.5, 4, "iemocap")).toBe("anger");
    expect(quadrantFromValenceArousal(2, 1, "iemocap")).toBe("sadness");
    expect(quadrantFromValenceArousal(5, 2.5, "iemocap")).toBe("pleasure");
  });

  it("places RECOLA ratings by the midpoint 0", () => {
    expect(quadrantFromValenceArousal(0.2, 0.1, "recola")).toBe("joy");
    expect(quadrantFromValenceArousal(-0.2, -0.1, "recola")).toBe("sadness");
  });

  it("counts a rating exactly at the midpoint as high by default, low when configured", () => {
    expect(quadrantFromValenceArousal(3, 3, "iemocap")).toBe("joy");
    const low = { ...VALENCE_AROUSAL_PRESETS.iemocap, atMidpoint: "low" as const };
    expect(quadrantFromValenceArousal(3, 3, low)).toBe("sadness");
    expect(quadrantFromValenceArousal(3.01, 2.99, low)).toBe("pleasure");
  });

  it("rejects ratings outside the scale or not finite", () => {
    const outside = thrownBy(() => quadrantFromValenceArousal(0, 3, "iemocap"));
    expect(outside.code).toBe("BAD_THRESHOLDS");
    expect(outside.details).toMatchObject({ field: "valence", value: 0 });
    expect(thrownBy(() => quadrantFromValenceArousal(0, Number.NaN, "recola")).code).toBe(
      "BAD_THRESHOLDS",
    );
  });

  it("agrees with the sign of the offset from the midpoint for any rating", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (v, a) => {
          const quadrant = quadrantFromValenceArousal(v, a, "recola");
          expect(QUADRANT_CLASSES).toContain(quadrant);
          expect(quadrant === "joy" || quadrant === "pleasure").toBe(v >= 0);
          expect(quadrant === "joy" || quadrant === "anger").toBe(a >= 0);
        },
      ),
    );
  });

  it("validates thresholds read from configuration", () => {
    expect(valenceArousalThresholdsSchema.parse(VALENCE_AROUSAL_PRESETS.recola)).toEqual(
      VALENCE_AROUSAL_PRESETS.recola,
    );
    const bad = { ...VALENCE_AROUSAL_PRESETS.recola, valenceMidpoint: 2 };
    expect(valenceArousalThresholdsSchema.safeParse(bad).success).toBe(false);
  });
});
