import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { folderCorpusAdapter } from "./folder-corpus-adapter.js";
import { defaultLabellingOptions } from "./read-corpora.js";

const adapter = folderCorpusAdapter({
  name: "tiny",
  description: "one utterance per read",
  language: "de",
  async collect(root, collector, language) {
    collector.addByEmotion(
      {
        id: "one",
        corpus: collector.corpus,
        speaker: "tiny_1",
        language,
        source: { kind: "audio", path: join(root, "one.wav") },
      },
      "happy",
      { emotion: "happy" },
    );
  },
});

describe("an adapter of a corpus shipped as one folder", () => {
  it("declares the corpus's own language as its default", () => {
    expect([adapter.name, adapter.defaultLanguage]).toEqual(["tiny", "de"]);
  });

  it("collects under the root in the corpus's language, or in --corpus's override", async () => {
    const root = tmpdir();
    const own = await adapter.read(root, defaultLabellingOptions());
    expect(own.utterances.map((u) => [u.corpus, u.language, u.label])).toEqual([
      ["tiny", "de", "joy"],
    ]);
    const given = await adapter.read(root, { ...defaultLabellingOptions(), language: "fr" });
    expect(given.utterances[0]?.language).toBe("fr");
  });

  it("refuses a root that is not a folder with CORPUS_NOT_FOUND naming it", async () => {
    const root = join(tmpdir(), "no-such-corpus-folder");
    await expect(adapter.read(root, defaultLabellingOptions())).rejects.toMatchObject({
      code: "CORPUS_NOT_FOUND",
      details: { file: root, corpus: "tiny" },
    });
  });
});
