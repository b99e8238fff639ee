import { describe, expect, it } from "vitest";
import { sampleModelCard } from "../../test/fixtures/model-card.js";
import { servedModelsFrom, servedModelsResponseSchema } from "./served-models.js";

describe("servedModelsFrom", () => {
  it("keeps each model with its validated card, or the coded reason its card failed", () => {
    const response = servedModelsResponseSchema.parse([
      {
        id: "paper-en",
        version: 2,
        loadedAt: 1_764_000_000_000,
        path: "/models/paper-en.onnx",
        card: sampleModelCard(),
      },
      { id: "broken", card: { format: "something-else" } },
    ]);
    const [good, broken] = servedModelsFrom(response);
    expect(good?.card?.featureSet.name).toBe("mfcc0_12");
    expect(good?.cardProblem).toBeUndefined();
    expect(broken?.card).toBeUndefined();
    expect(broken?.cardProblem).toMatch(/^BAD_MODEL_CARD: .*field format/);
  });
});
