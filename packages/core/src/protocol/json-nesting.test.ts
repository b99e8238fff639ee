import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./json-nesting.js";

/** The nesting depth JSON.parse sees, by walking the parsed value. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === "object" && value !== null)
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe("JSON nesting before parsing", () => {
  it("agrees with the parsed value's depth for any JSON, brackets inside strings included", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(nestsDeeperThan(text, limit)).toBe(depthOf(value) > limit);
      }),
    );
  });

  it("skips escaped quotes and brackets inside strings", () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[\\"{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: '"\\' }), 1)).toBe(false);
    expect(nestsDeeperThan(`{"a":[[1]]}`, 2)).toBe(true);
  });

  it("finds a 400,000-deep array at once", () => {
    const depth = 400_000;
    expect(nestsDeeperThan(`{"type":${"[".repeat(depth)}${"]".repeat(depth)}}`, 8)).toBe(true);
  });
});
