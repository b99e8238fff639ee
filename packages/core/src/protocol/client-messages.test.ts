import { describe, expect, it } from "vitest";
import { isEmotionStreamError } from "../errors.js";
import { parseClientMessage } from "./client-messages.js";

function codeOf(text: string): string | undefined {
  try {
    parseClientMessage(text);
  } catch (error) {
    return isEmotionStreamError(error) ? error.code : "not an EmotionStreamError";
  }
  return undefined;
}

describe("client messages", () => {
  it("parses a producer's open with PCM input", () => {
    const message = parseClientMessage(
      JSON.stringify({
        type: "open",
        streamId: "mic-1",
        slot: 3,
        model: "cnn",
        input: { kind: "pcm", encoding: "s16le", sampleRate: 16000 },
      }),
    );
    expect(message).toEqual({
      type: "open",
      streamId: "mic-1",
      slot: 3,
      model: "cnn",
      input: { kind: "pcm", encoding: "s16le", sampleRate: 16000 },
    });
  });

  it("carries the language an open declares, and refuses one that is not a language tag", () => {
    const open = (language: unknown) =>
      JSON.stringify({
        type: "open",
        streamId: "call-1",
        slot: 0,
        model: "cnn",
        input: { kind: "features" },
        language,
      });
    for (const tag of ["en", "de-DE", "pt-BR", "zh-Hant-TW", "gsw"]) {
      expect(parseClientMessage(open(tag))).toMatchObject({ language: tag });
    }
    for (const bad of [
      "",
      "e",
      "english",
      "en_US",
      "de-",
      "-de",
      "en-toolongsubtag",
      7,
      "x".repeat(36),
    ]) {
      expect(codeOf(open(bad))).toBe("BAD_MESSAGE");
    }
    try {
      parseClientMessage(open("en_US"));
    } catch (error) {
      expect(isEmotionStreamError(error) && error.details.field).toBe("language");
    }
  });

  it("tells invalid JSON, unknown types and bad shapes apart", () => {
    expect(codeOf("{not json")).toBe("BAD_MESSAGE");
    expect(codeOf(JSON.stringify({ type: "shout" }))).toBe("UNKNOWN_MESSAGE_TYPE");
    expect(codeOf("[1,2]")).toBe("UNKNOWN_MESSAGE_TYPE");
    expect(codeOf(JSON.stringify({ type: "end", streamId: "bad id with spaces" }))).toBe(
      "BAD_MESSAGE",
    );
    expect(codeOf(JSON.stringify({ type: "hello", protocol: 1, role: "producer", extra: 1 }))).toBe(
      "BAD_MESSAGE",
    );
  });

  it("names the stream and field of a bad message", () => {
    try {
      parseClientMessage(JSON.stringify({ type: "frames", streamId: "s", frames: [[1, "x"]] }));
      expect.unreachable();
    } catch (error) {
      expect(isEmotionStreamError(error, "BAD_MESSAGE")).toBe(true);
      if (!isEmotionStreamError(error)) return;
      expect(error.details.streamId).toBe("s");
      expect(error.details.field).toBe("frames[0][1]");
    }
  });
});
