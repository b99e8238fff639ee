import { describe, expect, it } from "vitest";
import { parseServerAddress } from "./server-address.js";

describe("parseServerAddress", () => {
  it("derives the WebSocket address at the same host", () => {
    expect(parseServerAddress("http://localhost:8080/")).toEqual({
      http: "http://localhost:8080",
      websocket: "ws://localhost:8080",
    });
    expect(parseServerAddress(" https://emotion.example/stream ")).toEqual({
      http: "https://emotion.example/stream",
      websocket: "wss://emotion.example/stream",
    });
  });

  it("refuses what is not an http(s) URL", () => {
    expect(parseServerAddress("localhost:8080")).toBeUndefined();
    expect(parseServerAddress("ws://localhost:8080")).toBeUndefined();
    expect(parseServerAddress("")).toBeUndefined();
  });
});
