import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADAPTER_NAMES } from "./adapters/registry.js";
import { parseCorpusArgument } from "./corpus-argument.js";

let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "corpus-argument-"));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe("--corpus <adapter>:<path>[:<language>]", () => {
  it("resolves the path against the user's directory", () => {
    expect(parseCorpusArgument("ravdess:.", cwd)).toEqual({ adapter: "ravdess", path: cwd });
  });

  it("takes an optional language override and lower-cases the adapter", () => {
    expect(parseCorpusArgument(`EmoDB:${cwd}:fr`, "/")).toEqual({
      adapter: "emodb",
      path: cwd,
      language: "fr",
    });
    expect(parseCorpusArgument(`manifest:${cwd}:pt-BR`, "/")).toMatchObject({ language: "pt-BR" });
  });

  it("names the adapters when the adapter is unknown", () => {
    expect(() => parseCorpusArgument(`cafe:${cwd}`, "/")).toThrow(
      expect.objectContaining({
        code: "UNKNOWN_ADAPTER",
        details: expect.objectContaining({
          allowed: expect.arrayContaining(["ravdess", "iemocap", "recola"]),
        }),
      }),
    );
  });

  it("names the adapters when the path is missing or does not exist", () => {
    expect(() => parseCorpusArgument("ravdess", cwd)).toThrow(
      expect.objectContaining({
        code: "BAD_CORPUS_ARGUMENT",
        details: expect.objectContaining({ allowed: ADAPTER_NAMES }),
      }),
    );
    expect(() => parseCorpusArgument("ravdess:nowhere", cwd)).toThrow(
      expect.objectContaining({
        code: "CORPUS_NOT_FOUND",
        details: expect.objectContaining({ allowed: ADAPTER_NAMES }),
      }),
    );
  });
});
