import { describe, expect, it } from "vitest";
import { QUADRANT_CLASSES, QUADRANTS, quadrantOf } from "./quadrant-classes.js";

describe("quadrant classes", () => {
  it("keeps the canonical order Joy, Anger, Sadness, Pleasure", () => {
    expect(QUADRANT_CLASSES).toEqual(["joy", "anger", "sadness", "pleasure"]);
  });

  it("maps every sign pair back to the quadrant that declares it", () => {
    for (const name of QUADRANT_CLASSES) {
      const { valence, arousal } = QUADRANTS[name];
      expect(quadrantOf(valence, arousal)).toBe(name);
    }
  });
});
