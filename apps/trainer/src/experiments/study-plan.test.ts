import { describe, expect, it } from "vitest";
import { studyPlan } from "./study-plan.js";

describe("studyPlan", () => {
  it("gives mono per corpus, multi over all, and cross from each corpus to the others", () => {
    expect(studyPlan(["ravdess", "cafe"])).toEqual([
      { kind: "mono", trainCorpora: ["ravdess"], testCorpora: ["ravdess"] },
      { kind: "mono", trainCorpora: ["cafe"], testCorpora: ["cafe"] },
      { kind: "multi", trainCorpora: ["ravdess", "cafe"], testCorpora: ["ravdess", "cafe"] },
      { kind: "cross", trainCorpora: ["ravdess"], testCorpora: ["cafe"] },
      { kind: "cross", trainCorpora: ["cafe"], testCorpora: ["ravdess"] },
    ]);
  });

  it("runs single kinds alone, and only mono for one corpus", () => {
    expect(studyPlan(["a", "b"], ["cross"]).map((e) => e.kind)).toEqual(["cross", "cross"]);
    expect(studyPlan(["a"]).map((e) => e.kind)).toEqual(["mono"]);
  });
});
