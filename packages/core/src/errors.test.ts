import { describe, expect, expectTypeOf, it } from "vitest";
import {
  EmotionStreamError,
  ERROR_CODES,
  type ErrorCode,
  isEmotionStreamError,
  isErrorCode,
} from "./errors.js";

describe("EmotionStreamError", () => {
  it("carries its code and details", () => {
    const error = new EmotionStreamError("UNKNOWN_EMOTION", "unknown emotion word", {
      file: "labels.txt",
      line: 12,
      value: "meh",
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("UNKNOWN_EMOTION");
    expect(error.details).toEqual({ file: "labels.txt", line: 12, value: "meh" });
    expect(error.name).toBe("EmotionStreamError");
  });

  it("describes itself on one line naming code, location and value", () => {
    const error = new EmotionStreamError("BAD_FRAME_DIMENSION", "frame has wrong width", {
      streamId: "s1",
      expected: 13,
      received: 39,
    });
    expect(error.describe()).toBe(
      "BAD_FRAME_DIMENSION: frame has wrong width (stream s1, expected 13, received 39)",
    );
    expect(String(error)).toBe(error.describe());
    const located = new EmotionStreamError("BAD_ANNOTATION", "no label", {
      file: "a.txt",
      line: 3,
      column: 7,
    });
    expect(located.describe()).toBe("BAD_ANNOTATION: no label (at a.txt:3:7)");
    expect(located.describe()).not.toContain("\n");
  });

  it("omits the parenthesis when there are no details", () => {
    expect(new EmotionStreamError("INTERNAL_ERROR", "boom").describe()).toBe(
      "INTERNAL_ERROR: boom",
    );
  });

  it("keeps the cause", () => {
    const cause = new Error("inner");
    expect(new EmotionStreamError("BAD_FILE", "outer", {}, { cause }).cause).toBe(cause);
  });

  it("is recognised by the guard, optionally by code", () => {
    const error = new EmotionStreamError("BAD_WAV", "truncated");
    expect(isEmotionStreamError(error)).toBe(true);
    expect(isEmotionStreamError(error, "BAD_WAV")).toBe(true);
    expect(isEmotionStreamError(error, "BAD_FILE")).toBe(false);
    expect(isEmotionStreamError(new Error("x"))).toBe(false);
    expect(isEmotionStreamError("BAD_WAV")).toBe(false);
  });

  it("recognises an error from another copy of the class by its shape", () => {
    const foreign = Object.assign(new Error("truncated"), {
      name: "EmotionStreamError",
      code: "BAD_WAV",
    });
    expect(isEmotionStreamError(foreign, "BAD_WAV")).toBe(true);
    const unknownCode = Object.assign(new Error("x"), { name: "EmotionStreamError", code: "NOPE" });
    expect(isEmotionStreamError(unknownCode)).toBe(false);
  });

  it("serialises to code, message and details", () => {
    const error = new EmotionStreamError("UNKNOWN_STREAM", "no such stream", { streamId: "s9" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: "UNKNOWN_STREAM",
      message: "no such stream",
      details: { streamId: "s9" },
    });
  });

  it("lists each code once, and types codes as a literal union", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(isErrorCode("BAD_WAV")).toBe(true);
    expect(isErrorCode("bad_wav")).toBe(false);
    expectTypeOf<"BAD_MODEL_CARD">().toExtend<ErrorCode>();
    expectTypeOf<"NOT_A_CODE">().not.toExtend<ErrorCode>();
  });
});
