import { QUADRANT_CLASSES, type QuadrantClass } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import {
  planSyntheticCorpus,
  synthesizeUtterance,
  syntheticCorpusOptionsSchema,
} from "./synthetic-corpus.js";

const options = syntheticCorpusOptionsSchema.parse({
  seed: 7,
  speakersPerLanguage: 4,
  utterancesPerClass: 3,
});

function rmsDb(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return 10 * Math.log10(sum / samples.length);
}

describe("synthetic corpus", () => {
  it("plans every language x speaker x class x take once, with both genders", () => {
    const plan = planSyntheticCorpus(options);
    expect(plan).toHaveLength(2 * 4 * 4 * 3);
    expect(new Set(plan.map((u) => u.id)).size).toBe(plan.length);
    expect(new Set(plan.map((u) => u.gender))).toEqual(new Set(["male", "female"]));
    expect(new Set(plan.map((u) => u.emotion))).toEqual(new Set(["happy", "angry", "sad", "calm"]));
  });

  it("makes the same samples for the same seed and different ones for another seed", () => {
    const utterance = planSyntheticCorpus(options)[5];
    if (!utterance) throw new Error("no utterance");
    const first = synthesizeUtterance(utterance, options);
    expect(synthesizeUtterance(utterance, options)).toEqual(first);
    const other = synthesizeUtterance(utterance, { ...options, seed: 8 });
    expect(other).not.toEqual(first);
  });

  it("acts the classes as the affect literature describes: anger loud, sadness soft and slow", () => {
    const byClass = new Map<QuadrantClass, { level: number[]; seconds: number[] }>();
    for (const utterance of planSyntheticCorpus(options)) {
      const samples = synthesizeUtterance(utterance, options);
      const entry = byClass.get(utterance.quadrant) ?? { level: [], seconds: [] };
      entry.level.push(rmsDb(samples));
      entry.seconds.push(samples.length / options.sampleRate);
      byClass.set(utterance.quadrant, entry);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const level = (c: QuadrantClass) => mean(byClass.get(c)?.level ?? []);
    expect(QUADRANT_CLASSES.every((c) => byClass.get(c)?.level.length === 24)).toBe(true);
    expect(level("anger")).toBeGreaterThan(level("joy"));
    expect(level("joy")).toBeGreaterThan(level("pleasure"));
    expect(level("pleasure")).toBeGreaterThan(level("sadness"));
    for (const samples of byClass.values()) {
      expect(Math.max(...samples.level)).toBeLessThan(0); // never clipped to full scale
    }
  });

  it("refuses options outside their ranges", () => {
    expect(syntheticCorpusOptionsSchema.safeParse({ speakersPerLanguage: 1 }).success).toBe(false);
    expect(syntheticCorpusOptionsSchema.safeParse({ languages: ["klingon"] }).success).toBe(false);
  });
});
