import { describe, expect, it } from "vitest";
import { trainingConfig } from "../test/run-fixtures.js";
import { evaluationRunConfigSchema } from "./evaluation-run-config.js";
import { runConfigSchema } from "./run-config.js";
import { trainingRunConfigSchema } from "./training-run-config.js";

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

describe("the commands' own configs", () => {
  it("read as the common run config every reader shares, their own fields kept", () => {
    const training = runConfigSchema.parse(trainingConfig());
    expect(training.split).toEqual({ kind: "speaker", seed: 1 });
    expect(training.normalisation).toBe("l2-frame");
  });

  it("hold a training run to a training experiment kind and at least one corpus", () => {
    const parsed = trainingRunConfigSchema.safeParse({
      ...experimentConfig,
      experiment: { ...experimentConfig.experiment, kind: "evaluate" },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain("experiment.kind");
  });

  it("hold an evaluation run to the evaluate command and kind", () => {
    const parsed = evaluationRunConfigSchema.safeParse(experimentConfig);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain("command");
  });
});
