import { isEmotionStreamError } from "@emotion-stream/core";
import { getFeatureSet } from "@emotion-stream/features";
import { describe, expect, it } from "vitest";
import { testCard } from "../../test/fixtures/evaluation-card.js";
import { checkFeatureSpec, checkModelShape } from "./model-card-match.js";

function thrown(body: () => void): unknown {
  try {
    body();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("checkFeatureSpec", () => {
  it("accepts the extractor's own spec", () => {
    expect(() =>
      checkFeatureSpec(testCard(), getFeatureSet("mfcc0_12").spec, "card.json"),
    ).not.toThrow();
  });

  it("names the first card field the extracted features differ in", () => {
    const extracted = getFeatureSet("mfcc0_12").spec;
    const card = testCard();
    const [param] = Object.keys(card.featureSet.params);
    const changed = {
      ...card,
      featureSet: {
        ...card.featureSet,
        params: { ...card.featureSet.params, [param as string]: "other" },
      },
    };
    const error = thrown(() => checkFeatureSpec(changed, extracted, "model.onnx"));
    expect(isEmotionStreamError(error, "FEATURE_SPEC_MISMATCH")).toBe(true);
    expect(error).toMatchObject({
      details: { file: "model.onnx", field: `featureSet.params.${param}`, expected: "other" },
    });
  });

  it("refuses another feature set by name", () => {
    const error = thrown(() =>
      checkFeatureSpec(testCard(), getFeatureSet("mfcc0_12_d_a").spec, "card.json"),
    );
    expect(error).toMatchObject({
      code: "FEATURE_SPEC_MISMATCH",
      details: { field: "featureSet.name" },
    });
  });
});

describe("checkModelShape", () => {
  const card = testCard();

  it("accepts a model declaring the card's frames, dimension and classes", () => {
    expect(() =>
      checkModelShape(card, { frames: 20, dimension: 13, classes: 4 }, "m.onnx"),
    ).not.toThrow();
  });

  it.each([
    [{ frames: 30, dimension: 13, classes: 4 }, "window.windowFrames"],
    [{ frames: 20, dimension: 39, classes: 4 }, "featureSet.dimension"],
    [{ frames: 20, dimension: 13, classes: 3 }, "classes"],
    [{ frames: undefined, dimension: 13, classes: 4 }, "window.windowFrames"],
  ])("refuses %o naming field %s", (shape, field) => {
    const error = thrown(() => checkModelShape(card, shape, "m.onnx"));
    expect(error).toMatchObject({ code: "BAD_MODEL", details: { file: "m.onnx", field } });
  });
});
