import { isEmotionStreamError } from "@emotion-stream/core";
import { getFeatureSet } from "@emotion-stream/features";
import { describe, expect, it } from "vitest";
import { testCard } from "../../test/fixtures/model-card.js";
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
      checkModelShape(card, { inputShape: [-1, 20, 13], outputShape: [-1, 4] }, "m.onnx"),
    ).not.toThrow();
  });

  it.each([
    [{ inputShape: [-1, 30, 13], outputShape: [-1, 4] }, "window.windowFrames", 30],
    [{ inputShape: [-1, 20, 39], outputShape: [-1, 4] }, "featureSet.dimension", 39],
    [{ inputShape: [-1, 20, 13], outputShape: [-1, 3] }, "classes", 3],
    [{ inputShape: [-1, -1, 13], outputShape: [-1, 4] }, "window.windowFrames", "(not declared)"],
    [{ inputShape: [], outputShape: [-1, 4] }, "window.windowFrames", "(not declared)"],
  ])("refuses %o naming field %s", (shape, field, received) => {
    const error = thrown(() => checkModelShape(card, shape, "m.onnx"));
    expect(error).toMatchObject({
      code: "BAD_MODEL",
      details: { file: "m.onnx", field, received },
    });
  });
});
