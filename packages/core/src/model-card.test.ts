import { describe, expect, expectTypeOf, it } from "vitest";
import { createEmotionMapping, VALENCE_AROUSAL_PRESETS } from "./emotion-mapping.js";
import { EmotionStreamError } from "./errors.js";
import type { FeatureSetSpec } from "./feature-spec.js";
import { classificationReport } from "./metrics/classification-report.js";
import {
  type ModelCard,
  type Normalisation,
  parseModelCard,
  testSetMetricsSchema,
} from "./model-card.js";
import { testSetMetricsFromReport } from "./model-card-metrics.js";
import type { QuadrantClass } from "./quadrant-classes.js";
import { FIXTURE_FEATURE_SET } from "./testing/model-card-fixture.js";
import type { AggregationMethod } from "./utterance-aggregation.js";

function sampleCard(): ModelCard {
  return {
    format: "emotion-stream/model-card",
    version: 1,
    name: "cnn-small-ravdess",
    createdAt: "2026-11-25T13:00:00.000Z",
    classes: ["joy", "anger", "sadness", "pleasure"],
    labelMapping: {
      emotionTable: createEmotionMapping().table,
      valenceArousal: { recola: VALENCE_AROUSAL_PRESETS.recola },
    },
    featureSet: { ...FIXTURE_FEATURE_SET, params: { preEmphasis: 0.97 } },
    window: {
      windowFrames: 300,
      hopFrames: 50,
      rule: { kind: "study-average", averageUtteranceFrames: 299.6 },
    },
    normalisation: {
      kind: "per-speaker",
      mean: [0, 1],
      std: [1, 2],
      groups: { spk1: { mean: [0.5, 1], std: [1, 1] } },
    },
    aggregation: "mean-probability",
    trainingData: {
      corpora: [
        {
          name: "ravdess",
          adapter: "ravdess",
          language: "en",
          utterances: 864,
          speakers: 24,
          countsPerClass: { joy: 192, anger: 192, sadness: 192, pleasure: 288 },
          skipped: { "unmapped:surprised": 0 },
        },
      ],
    },
    preset: {
      name: "cnn-small",
      hyperparameters: { learningRate: 0.001, filters: [32, 64], dropout: null },
    },
    metrics: [
      {
        testSet: "ravdess:test",
        level: "utterance",
        items: 4,
        uar: 0.75,
        wa: 0.75,
        macroF1: 5 / 6,
        perClassRecall: { joy: 0.5, anger: 1, sadness: null, pleasure: null },
        confusion: [
          [1, 0, 1, 0],
          [0, 2, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
      },
    ],
    tools: { emotionStream: "0.1.0", tfjs: "4.22.0", backend: "wasm" },
  };
}

function failureOf(input: unknown): EmotionStreamError {
  try {
    parseModelCard(input, "model-card.json");
  } catch (error) {
    if (error instanceof EmotionStreamError) return error;
    throw error;
  }
  throw new Error("expected parseModelCard to throw");
}

// biome-ignore lint/suspicious/noExplicitAny: the edits deliberately break the card's types
type Editable = Record<string, any>;

/** A deep copy of the sample card with `edit` applied to it. */
function edited(edit: (card: Editable) => void): unknown {
  const card = JSON.parse(JSON.stringify(sampleCard()));
  edit(card);
  return card;
}

describe("parseModelCard", () => {
  it("reads back a card written as JSON", () => {
    const card = sampleCard();
    expect(parseModelCard(JSON.parse(JSON.stringify(card)))).toEqual(card);
  });

  it("checks the format magic before anything else", () => {
    const error = failureOf({ format: "something-else", version: 1 });
    expect(error.code).toBe("BAD_MODEL_CARD");
    expect(error.details).toMatchObject({ file: "model-card.json", field: "format" });
    expect(failureOf("not even an object").details.field).toBe("format");
  });

  it("rejects other versions naming the version found", () => {
    const error = failureOf(
      edited((card) => {
        card.version = 2;
      }),
    );
    expect(error.code).toBe("BAD_MODEL_CARD");
    expect(error.details).toMatchObject({ field: "version", expected: 1, received: "2" });
  });

  it("names the path of a missing or wrong nested field", () => {
    const missing = failureOf(
      edited((card) => {
        delete card.trainingData.corpora[0].countsPerClass.sadness;
      }),
    );
    expect(missing.code).toBe("BAD_MODEL_CARD");
    expect(missing.details.field).toBe("trainingData.corpora[0].countsPerClass.sadness");
    const wrong = failureOf(
      edited((card) => {
        card.metrics[0].uar = 1.5;
      }),
    );
    expect(wrong.details.field).toBe("metrics[0].uar");
    expect(
      failureOf(
        edited((card) => {
          card.createdAt = "yesterday";
        }),
      ).details.field,
    ).toBe("createdAt");
  });

  it("requires the classes to be the four quadrants, each once", () => {
    expect(
      failureOf(
        edited((card) => {
          card.classes = ["joy", "joy", "sadness", "pleasure"];
        }),
      ).details.field,
    ).toBe("classes");
    expect(
      failureOf(
        edited((card) => {
          card.classes = ["joy", "anger", "sadness"];
        }),
      ).details.field,
    ).toBe("classes");
  });

  it("requires normalisation statistics of the feature dimension", () => {
    expect(
      failureOf(
        edited((card) => {
          card.normalisation.mean = [0];
        }),
      ).details.field,
    ).toBe("normalisation");
    expect(
      failureOf(
        edited((card) => {
          card.normalisation.groups.spk1.std = [1, 1, 1];
        }),
      ).details.field,
    ).toBe("normalisation.groups.spk1");
    expect(
      failureOf(
        edited((card) => {
          card.normalisation.std = [0, 1];
        }),
      ).details.field,
    ).toBe("normalisation.std[0]");
  });

  it("requires a square confusion matrix of the class count", () => {
    expect(
      failureOf(
        edited((card) => {
          card.metrics[0].confusion.pop();
        }),
      ).details.field,
    ).toBe("metrics[0].confusion");
  });

  it("needs a functionals-level model's live window", () => {
    const functionals = edited((c) => {
      c.featureSet.level = "functionals";
    });
    expect(failureOf(functionals).details.field).toBe("window.functionals");
    const windowed = edited((c) => {
      c.featureSet.level = "functionals";
      c.window.functionals = { frames: 300, hopFrames: 50 };
    });
    expect(parseModelCard(windowed).window.functionals).toEqual({ frames: 300, hopFrames: 50 });
    // A window a stream could not hold (an hour of frames) is refused with the card.
    const huge = edited((c) => {
      c.featureSet.level = "functionals";
      c.window.functionals = { frames: 360_000, hopFrames: 50 };
    });
    expect(failureOf(huge).details.field).toBe("window.functionals.frames");
  });

  it("accepts normalisation without statistics and the fixed window rule", () => {
    const card = edited((c) => {
      c.normalisation = { kind: "per-frame-l2" };
      c.window.rule = { kind: "fixed" };
    });
    expect(parseModelCard(card).normalisation).toEqual({ kind: "per-frame-l2" });
  });

  it("pins the types other packages rely on", () => {
    expectTypeOf<ModelCard["classes"]>().toEqualTypeOf<QuadrantClass[]>();
    expectTypeOf<ModelCard["featureSet"]>().toEqualTypeOf<FeatureSetSpec>();
    expectTypeOf<ModelCard["aggregation"]>().toEqualTypeOf<AggregationMethod>();
    expectTypeOf<ModelCard["window"]["windowFrames"]>().toEqualTypeOf<number>();
    expectTypeOf<Normalisation["kind"]>().toEqualTypeOf<
      "none" | "per-frame-l2" | "global" | "per-corpus" | "per-speaker"
    >();
    expectTypeOf<ModelCard["metrics"][number]["perClassRecall"]>().toEqualTypeOf<
      Record<QuadrantClass, number | null>
    >();
    expectTypeOf<ModelCard["version"]>().toEqualTypeOf<1>();
  });
});

describe("testSetMetricsFromReport", () => {
  const report = classificationReport<QuadrantClass>(
    ["joy", "joy", "anger", "anger"],
    ["joy", "sadness", "anger", "anger"],
    ["joy", "anger", "sadness", "pleasure"],
  );

  it("records an absent class's recall as null and validates against the card schema", () => {
    const metrics = testSetMetricsFromReport("emodb:test", "utterance", report);
    expect(metrics.perClassRecall).toEqual({ joy: 0.5, anger: 1, sadness: null, pleasure: null });
    expect(metrics).toMatchObject({ items: 4, uar: 0.75, wa: 0.75 });
    expect(testSetMetricsSchema.parse(JSON.parse(JSON.stringify(metrics)))).toEqual(metrics);
  });

  it("reorders the confusion matrix into the card's class order", () => {
    const metrics = testSetMetricsFromReport("emodb:test", "window", report, [
      "anger",
      "joy",
      "pleasure",
      "sadness",
    ]);
    expect(metrics.confusion).toEqual([
      [2, 0, 0, 0],
      [0, 1, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(Object.keys(metrics.perClassRecall)).toEqual(["anger", "joy", "pleasure", "sadness"]);
  });
});
