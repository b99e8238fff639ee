import { describe, expect, it } from "vitest";
import { readEnv } from "./env.js";

describe("readEnv", () => {
  it("takes the runs directory relative to where pnpm was run, defaulting to runs/", () => {
    expect(readEnv({ INIT_CWD: "/home/me/project" }).runsDir).toBe("/home/me/project/runs");
    expect(readEnv({ INIT_CWD: "/home/me", EMOTION_STREAM_RUNS_DIR: "exp/runs" }).runsDir).toBe(
      "/home/me/exp/runs",
    );
    expect(readEnv({ EMOTION_STREAM_RUNS_DIR: "/data/runs" }).runsDir).toBe("/data/runs");
  });

  it("refuses a server address that is not an http(s) URL, naming the variable", () => {
    expect(() => readEnv({ EMOTION_STREAM_SERVER_URL: "localhost:8080" })).toThrow(
      expect.objectContaining({
        code: "BAD_CONFIG",
        details: expect.objectContaining({ field: "EMOTION_STREAM_SERVER_URL" }),
      }),
    );
    expect(readEnv({ EMOTION_STREAM_SERVER_URL: "http://10.0.0.2:9000" }).serverUrl).toBe(
      "http://10.0.0.2:9000",
    );
  });
});
