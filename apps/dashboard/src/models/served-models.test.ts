import { modelsAnswerSchema } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { sampleModelCard } from "../../test/fixtures/model-card.js";
import { servedModelsFrom } from "./served-models.js";

describe("servedModelsFrom", () => {
  it("keeps each model with its validated card, or the coded reason its card failed", () => {
    const served = {
      version: 2,
      file: "paper-en.onnx",
      cardSource: "metadata_props",
      sealed: true,
      loadedAt: "2026-12-07T12:00:00.000Z",
    };
    const response = modelsAnswerSchema.parse([
      { ...served, id: "paper-en", card: sampleModelCard() },
      { ...served, id: "broken", card: { format: "something-else" } },
    ]);
    const [good, broken] = servedModelsFrom(response);
    expect(good?.card?.featureSet.name).toBe("mfcc0_12");
    expect(good?.cardProblem).toBeUndefined();
    expect(broken?.card).toBeUndefined();
    expect(broken?.cardProblem).toMatch(/^BAD_MODEL_CARD: .*field format/);
  });
});
