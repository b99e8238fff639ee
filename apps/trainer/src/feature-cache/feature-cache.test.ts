import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractFeatures, getFeatureSet } from "@emotion-stream/features";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tone, writeWav } from "../../test/fixtures/wav-fixture.js";
import type { CorpusReading, CorpusUtterance } from "../corpora/corpus-utterance.js";
import { ExtractionPool } from "./extraction-pool.js";
import { cacheCorpusFeatures } from "./feature-cache.js";
import { FeatureStore } from "./feature-store.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "feature-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function utterance(id: string, path: string): CorpusUtterance {
  return {
    id,
    corpus: "fixture",
    speaker: "fixture_1",
    language: "en",
    rawLabel: "happy",
    rawLabels: { emotion: "happy" },
    label: "joy",
    source: { kind: "audio", path },
  };
}

async function fixtureCorpus(): Promise<CorpusReading> {
  const root = join(dir, "corpus");
  await writeWav(join(root, "a.wav"), tone(0.5, 16000, 220));
  await writeWav(join(root, "b.wav"), tone(0.8, 16000, 440));
  return {
    corpus: "fixture",
    root,
    utterances: [utterance("a", join(root, "a.wav")), utterance("b", join(root, "b.wav"))],
    skipped: [],
  };
}

const options = () => ({
  cacheDir: join(dir, "cache"),
  featureSet: "mfcc0_12",
  pool: new ExtractionPool({ workers: 0 }),
});

describe("feature cache", () => {
  it("stores exactly the features extractFeatures computes", async () => {
    const reading = await fixtureCorpus();
    const cached = await cacheCorpusFeatures(reading, options());
    const store = new FeatureStore();
    const loaded = await store.load(cached.utterances[1] as (typeof cached.utterances)[number]);
    await store.close();
    const samples = tone(0.8, 16000, 440).map((s) => Math.round(s * 32767) / 32767);
    const expected = extractFeatures(getFeatureSet("mfcc0_12"), samples, 16000);
    expect(loaded.frames).toBe(expected.frames);
    expect(Array.from(loaded.data)).toEqual(Array.from(expected.data));
    expect(cached.utterances[1]?.durationSeconds).toBeCloseTo(0.8, 6);
  });

  it("reuses every record on the next run and re-extracts only changed audio", async () => {
    const reading = await fixtureCorpus();
    expect((await cacheCorpusFeatures(reading, options())).files).toEqual({
      extracted: 2,
      reused: 0,
    });
    expect((await cacheCorpusFeatures(reading, options())).files).toEqual({
      extracted: 0,
      reused: 2,
    });
    await writeWav(join(reading.root, "b.wav"), tone(0.8, 16000, 880));
    const changed = await cacheCorpusFeatures(reading, options());
    expect(changed.files).toEqual({ extracted: 1, reused: 1 });
    const store = new FeatureStore();
    const [a, b] = await store.loadAll(changed.utterances);
    await store.close();
    expect(a?.features.frames).toBe(a?.frames);
    expect(b?.features.frames).toBeGreaterThan(a?.features.frames ?? 0);
  });

  it("reuses a record whose file was touched but not changed (content hash), recording the new mtime", async () => {
    const reading = await fixtureCorpus();
    await cacheCorpusFeatures(reading, options());
    const later = new Date(Date.now() + 60_000);
    await utimes(join(reading.root, "a.wav"), later, later);
    expect((await cacheCorpusFeatures(reading, options())).files).toEqual({
      extracted: 0,
      reused: 2,
    });
  });

  it("keeps one data file and one index per corpus and spec", async () => {
    const reading = await fixtureCorpus();
    await cacheCorpusFeatures(reading, options());
    await writeWav(join(reading.root, "a.wav"), tone(0.6, 16000, 330));
    await cacheCorpusFeatures(reading, options());
    await cacheCorpusFeatures(reading, { ...options(), featureSet: "mfcc0_12_d_a" });
    const [corpusDir] = await readdir(join(dir, "cache"));
    const specDirs = await readdir(join(dir, "cache", corpusDir ?? ""));
    expect(specDirs).toHaveLength(2);
    for (const specDir of specDirs) {
      const files = await readdir(join(dir, "cache", corpusDir ?? "", specDir));
      expect(files.filter((file) => file.endsWith(".bin"))).toHaveLength(1);
      expect(files).toContain("index.json");
    }
  });

  it("skips an undecodable file, naming it, and caches the rest", async () => {
    const reading = await fixtureCorpus();
    await writeFile(join(reading.root, "b.wav"), "not a wav");
    const cached = await cacheCorpusFeatures(reading, options());
    expect(cached.utterances.map((u) => u.id)).toEqual(["a"]);
    expect(cached.skipped).toEqual([
      expect.objectContaining({ file: join(reading.root, "b.wav"), reason: "unreadable-file" }),
    ]);
  });

  it("skips audio too short for a single frame, naming it", async () => {
    const reading = await fixtureCorpus();
    await writeWav(join(reading.root, "b.wav"), tone(0.005, 16000));
    const cached = await cacheCorpusFeatures(reading, options());
    expect(cached.utterances.map((u) => u.id)).toEqual(["a"]);
    expect(cached.skipped).toEqual([
      expect.objectContaining({ file: join(reading.root, "b.wav"), reason: "too-short" }),
    ]);
  });

  it("refuses a data file whose magic was damaged, and the next run rebuilds it", async () => {
    const reading = await fixtureCorpus();
    const cached = await cacheCorpusFeatures(reading, options());
    const ref = cached.utterances[0]?.featureRef;
    const bytes = await readFile(ref?.file ?? "");
    bytes[0] = 0;
    await writeFile(ref?.file ?? "", bytes);
    const store = new FeatureStore();
    await expect(
      store.load(cached.utterances[0] as (typeof cached.utterances)[number]),
    ).rejects.toMatchObject({
      code: "BAD_CACHE",
    });
    await store.close();
    expect((await cacheCorpusFeatures(reading, options())).files).toEqual({
      extracted: 2,
      reused: 0,
    });
  });

  it("lets one of two concurrent runs extract a corpus; the other waits and reuses its records", async () => {
    const reading = await fixtureCorpus();
    const waits: string[] = [];
    const run = () =>
      cacheCorpusFeatures(reading, { ...options(), onLockWait: (c) => waits.push(c) });
    const [first, second] = await Promise.all([run(), run()]);
    expect([first.files.extracted, second.files.extracted].sort()).toEqual([0, 2]);
    expect(waits).toEqual(["fixture"]);
    expect(second.utterances.map((u) => u.featureRef)).toEqual(
      first.utterances.map((u) => u.featureRef),
    );
    const folder = await specFolder();
    expect((await readdir(folder)).sort()).toEqual([
      expect.stringMatching(/^features-.*\.bin$/),
      "index.json",
    ]);
  });

  it("reads a complete cache without its lock, even while another process holds it", async () => {
    const reading = await fixtureCorpus();
    await cacheCorpusFeatures(reading, options());
    await mkdir(join(await specFolder(), "writer.lock"));
    let waited = false;
    const again = await cacheCorpusFeatures(reading, {
      ...options(),
      onLockWait: () => {
        waited = true;
      },
    });
    expect([again.files, waited]).toEqual([{ extracted: 0, reused: 2 }, false]);
  });

  it("waits to write while another process holds the corpus's lock, and takes over an abandoned one", async () => {
    const reading = await fixtureCorpus();
    await cacheCorpusFeatures(reading, options());
    await writeWav(join(reading.root, "b.wav"), tone(0.8, 16000, 880));
    const lockDir = join(await specFolder(), "writer.lock");
    await mkdir(lockDir);
    let waited = false;
    let finished = false;
    const pending = cacheCorpusFeatures(reading, {
      ...options(),
      onLockWait: () => {
        waited = true;
      },
    }).then(() => {
      finished = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([waited, finished]).toEqual([true, false]);
    await rm(lockDir, { recursive: true });
    await pending;
    await writeWav(join(reading.root, "b.wav"), tone(0.8, 16000, 330));
    const abandoned = new Date(Date.now() - 120_000);
    await mkdir(lockDir);
    await utimes(lockDir, abandoned, abandoned);
    expect((await cacheCorpusFeatures(reading, options())).files).toEqual({
      extracted: 1,
      reused: 1,
    });
  });
});

describe("a cache directory that cannot be used", () => {
  it("is refused naming --cache and the path, not with a bare file-system error", async () => {
    const reading = await fixtureCorpus();
    const notADirectory = join(dir, "cache-file");
    await writeFile(notADirectory, "");
    await expect(
      cacheCorpusFeatures(reading, { ...options(), cacheDir: notADirectory }),
    ).rejects.toMatchObject({
      code: "BAD_ARGUMENT",
      message: expect.stringContaining(
        `the feature cache ${notADirectory} cannot be used (ENOTDIR`,
      ),
      details: { field: "--cache" },
    });
  });
});

/** The one spec folder of the fixture corpus under the test's cache. */
async function specFolder(): Promise<string> {
  const [corpusDir = ""] = await readdir(join(dir, "cache"));
  const [specDir = ""] = await readdir(join(dir, "cache", corpusDir));
  return join(dir, "cache", corpusDir, specDir);
}
