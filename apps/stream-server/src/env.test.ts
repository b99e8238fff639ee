import { isEmotionStreamError } from "@emotion-stream/core";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env.js";

describe("server environment", () => {
  it("reads tokens, splits the origin list and defaults the log level", () => {
    expect(
      readEnv({
        EMOTION_STREAM_PRODUCER_TOKEN: "p",
        EMOTION_STREAM_ALLOWED_ORIGINS: " https://a.example, https://b.example ,",
        PATH: "/bin",
      }),
    ).toEqual({
      EMOTION_STREAM_PRODUCER_TOKEN: "p",
      EMOTION_STREAM_ALLOWED_ORIGINS: ["https://a.example", "https://b.example"],
      EMOTION_STREAM_LOG_LEVEL: "info",
    });
  });

  it("refuses an unknown log level with BAD_CONFIG naming the variable", () => {
    try {
      readEnv({ EMOTION_STREAM_LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(isEmotionStreamError(error, "BAD_CONFIG")).toBe(true);
      if (isEmotionStreamError(error)) expect(error.details.field).toBe("EMOTION_STREAM_LOG_LEVEL");
    }
  });
});
