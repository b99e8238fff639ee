import type { FeatureMatrix } from "@emotion-stream/features";
import { describe, expect, it } from "vitest";
import { testCard } from "../../test/fixtures/model-card.js";
import { normaliseFeatures } from "../dataset/normalisation.js";
import { evaluationNormalisation } from "./card-normalisation.js";

const dimension = 13;

/** Frames whose every value is `level + (frame % 2)`: mean level + 0.5, std 0.5 per dimension. */
function constantFeatures(level: number, frames = 6): FeatureMatrix {
  const data = Float32Array.from(
    { length: frames * dimension },
    (_, i) => level + (Math.floor(i / dimension) % 2),
  );
  return { frames, dimension, data };
}

const speakers = [
  { corpus: "test", speaker: "test_a", features: constantFeatures(10) },
  { corpus: "test", speaker: "test_b", features: constantFeatures(-4) },
];

const zeros = new Array<number>(dimension).fill(0);
const ones = new Array<number>(dimension).fill(1);

describe("evaluationNormalisation", () => {
  it("fits each unseen speaker's statistics on its own unlabelled features and says so", async () => {
    const card = testCard({
      normalisation: {
        kind: "per-speaker",
        mean: zeros,
        std: ones,
        groups: { train_x: { mean: zeros, std: ones } },
      },
    });
    const { statistics, description } = await evaluationNormalisation(
      card,
      speakers,
      async (item) => item.features,
    );
    expect(description).toContain("2 of 2 evaluated speaker groups");
    expect(description).toContain("own unlabelled features");
    for (const item of speakers) {
      const normalised = normaliseFeatures(item.features, statistics, item);
      expect(
        Array.from(normalised.data.subarray(0, 2 * dimension)).map((v) => Math.round(v)),
      ).toEqual([...new Array<number>(dimension).fill(-1), ...ones]);
    }
    expect(Object.keys(statistics.groups).sort()).toEqual(["test_a", "test_b", "train_x"]);
  });

  it("applies the card's global training statistics unchanged", async () => {
    const mean = new Array<number>(dimension).fill(2);
    const card = testCard({ normalisation: { kind: "global", mean, std: ones } });
    const { statistics, description } = await evaluationNormalisation(
      card,
      speakers,
      async (item) => item.features,
    );
    expect(description).toContain("training statistics recorded in the model card");
    const normalised = normaliseFeatures(
      constantFeatures(10, 1),
      statistics,
      speakers[0] as (typeof speakers)[0],
    );
    expect(normalised.data[0]).toBe(8);
  });
});
