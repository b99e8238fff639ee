import { describe, expect, it } from "vitest";
import { runConfigSchema } from "./run-config.js";

const experimentConfig = {
  command: "experiment",
  experiment: { kind: "cross", trainCorpora: ["ravdess"], testCorpora: ["emodb"] },
  languages: { ravdess: "en", emodb: "de" },
  preset: "prosody-formants-linear",
  seed: 1,
  corpora: [{ adapter: "ravdess", path: "/c/ravdess" }],
  recipe: { learningRate: 0.003 },
};

describe("runConfigSchema", () => {
  it("reads a trainer run's config and keeps the command's own fields", () => {
    const config = runConfigSchema.parse(experimentConfig);
    expect(config.experiment.kind).toBe("cross");
    expect(config.languages.emodb).toBe("de");
    expect(config.recipe).toEqual({ learningRate: 0.003 });
  });

  it("refuses an experiment given as a bare word, naming the field", () => {
    const parsed = runConfigSchema.safeParse({ ...experimentConfig, experiment: "cross" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["experiment"]);
  });
});
