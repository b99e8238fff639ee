import { describe, expect, it } from "vitest";
import { cachedModelPath } from "./demo-model.js";
import type { DemoOptions } from "./demo-options.js";

const options: DemoOptions = {
  corpora: [],
  host: "127.0.0.1",
  port: 8080,
  cacheDir: "/cache",
  retrain: false,
  synthetic: { speakers: 8, utterances: 8 },
  buildApps: true,
};

describe("cached demo model", () => {
  it("is the same file for the same recipe, whatever the ports", () => {
    expect(cachedModelPath({ ...options, port: 9000, dashboardPort: 1 })).toBe(
      cachedModelPath(options),
    );
    expect(cachedModelPath(options)).toMatch(/^\/cache\/models\/[0-9a-f]{12}\/model\.onnx$/);
  });

  it("differs when the corpora, the corpus size, the epochs or the preset differ", () => {
    const variants = [
      options,
      { ...options, corpora: ["emodb:/data/emodb"] },
      { ...options, synthetic: { speakers: 4, utterances: 8 } },
      { ...options, epochs: 3 },
      { ...options, preset: "paper" },
    ];
    expect(new Set(variants.map(cachedModelPath)).size).toBe(variants.length);
  });
});
