import { describe, expect, it } from "vitest";
import { parseDemoOptions } from "./demo-options.js";

const DEFAULT_FLAGS = {
  port: "8080",
  dashboardPort: "3000",
  dashboard: true,
  host: "127.0.0.1",
  cache: ".cache/demo",
  speakers: "8",
  utterances: "8",
  buildApps: true,
};

describe("demo options", () => {
  it("resolves the cache, model, playlist and corpus paths against the user's directory", () => {
    const options = parseDemoOptions(
      {
        ...DEFAULT_FLAGS,
        model: "m.onnx",
        play: "held/manifest.csv",
        corpus: ["emodb:corpora/emodb", "iemocap:/data/iemocap:en"],
      },
      "/home/me",
    );
    expect(options).toMatchObject({
      model: "/home/me/m.onnx",
      play: "/home/me/held/manifest.csv",
      cacheDir: "/home/me/.cache/demo",
      corpora: ["emodb:/home/me/corpora/emodb", "iemocap:/data/iemocap:en"],
      port: 8080,
      dashboardPort: 3000,
      synthetic: { speakers: 8, utterances: 8 },
      retrain: false,
    });
  });

  it("leaves the dashboard port out with --no-dashboard", () => {
    const options = parseDemoOptions({ ...DEFAULT_FLAGS, dashboard: false }, "/");
    expect(options.dashboardPort).toBeUndefined();
    expect(options.corpora).toEqual([]);
  });

  it("refuses a port out of range and a corpus without an adapter, with BAD_ARGUMENT", () => {
    for (const flags of [
      { ...DEFAULT_FLAGS, port: "70000" },
      { ...DEFAULT_FLAGS, corpus: ["just/a/path"] },
      { ...DEFAULT_FLAGS, speakers: "1" },
    ]) {
      expect(() => parseDemoOptions(flags, "/")).toThrow(
        expect.objectContaining({ code: "BAD_ARGUMENT" }),
      );
    }
  });
});
