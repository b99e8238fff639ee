import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EmotionStreamError } from "./errors.js";
import { formatIssuePath, parseWithSchema } from "./parse-with-schema.js";

const schema = z.object({ metrics: z.array(z.object({ uar: z.number() })) });

describe("parseWithSchema", () => {
  it("returns the typed value when valid", () => {
    expect(parseWithSchema(schema, { metrics: [{ uar: 0.5 }] }, "BAD_CONFIG")).toEqual({
      metrics: [{ uar: 0.5 }],
    });
  });

  it("throws the given code naming the failing field path and file", () => {
    const parse = () =>
      parseWithSchema(schema, { metrics: [{ uar: "high" }] }, "BAD_CONFIG", { file: "c.json" });
    expect(parse).toThrow(EmotionStreamError);
    try {
      parse();
    } catch (error) {
      const { code, details } = error as EmotionStreamError;
      expect(code).toBe("BAD_CONFIG");
      expect(details).toEqual({ file: "c.json", field: "metrics[0].uar" });
    }
  });

  it("formats paths with dots and brackets", () => {
    expect(formatIssuePath(["a", 2, "b"])).toBe("a[2].b");
    expect(formatIssuePath([])).toBeUndefined();
  });
});
