import { describe, expect, it } from "vitest";
import { serverMessageSchema } from "./server-messages.js";

describe("server messages", () => {
  const stream = {
    streamId: "call-1",
    model: "cnn",
    input: { kind: "features" },
    startedAt: 1_795_613_492_615,
  };

  it("stream info carries the declared language, or none", () => {
    const started = { type: "stream-started", stream: { ...stream, language: "de-DE" } };
    expect(serverMessageSchema.parse(started)).toEqual(started);
    const subscribed = { type: "subscribed", streams: [stream] };
    expect(serverMessageSchema.parse(subscribed)).toEqual(subscribed);
  });

  it("refuses stream info whose language is not a language tag", () => {
    const started = { type: "stream-started", stream: { ...stream, language: "German" } };
    expect(serverMessageSchema.safeParse(started).success).toBe(false);
  });
});
