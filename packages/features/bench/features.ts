// `pnpm bench features [--opensmile <SMILExtract>] [--opensmile-config <dir>]`: real-time factor
// of every feature set (batch, streaming, and WAV file to the file openSMILE writes for that set)
// on a 600 s 16 kHz speech file built from the shared reference and corpus WAVs, and peak RSS
// while streaming generated speech for 10 and for 60 minutes (to show memory stays flat). Given a
// SMILExtract binary (or OPENSMILE_BIN), the real openSMILE runs on the same file in the same
// run, interleaved with ours, and the table shows both and their ratio; without it, the figures
// of the reference README. One process, one core; times are CPU seconds (user + system).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EmotionStreamError } from "@emotion-stream/core";
import wavefile from "wavefile";
import { createStreamingExtractor, extractFeatures } from "../src/extract-features.js";
import { extractFile } from "../src/node/extract-file.js";
import { formatFeatureFile } from "../src/node/feature-files.js";
import { readAudioForFeatureSet } from "../src/node/read-audio-for-feature-set.js";
import { availableFeatureSets, getFeatureSet } from "../src/sets/registry.js";
import { type OpenSmile, openSmileFrom } from "./opensmile-binary.js";

const RATE = 16000;
const BENCH_SECONDS = 600;
const STREAM_CHUNK = 320; // 20 ms, what a live client sends
/** 0 minutes: Node, the modules and the speech loop alone (the baseline). */
const MEMORY_MINUTES = [0, 10, 60] as const;
/** A functionals set's live window in the memory runs: 3 s every 0.5 s. */
const LIVE_WINDOW = { frames: 300, hopFrames: 50 };
const sharedDir =
  process.env.EMOTION_STREAM_SHARED ?? resolve(import.meta.dirname, "../../../../../shared");

/** The real openSMILE on this machine, 600 s file (shared/reference/opensmile/README.md). */
const OPENSMILE_README: Readonly<Record<string, { rtf: number; seconds: number; rssMb: number }>> =
  {
    mfcc0_12: { rtf: 1070, seconds: 0.56, rssMb: 7.3 },
    is09_lld: { rtf: 500, seconds: 1.19, rssMb: 76 },
  };

/** 16 kHz mono speech WAVs: the reference recordings (no silence/noise/tone) then EmoDB. */
function speechWavPaths(): string[] {
  const reference = join(sharedDir, "reference", "opensmile", "wav");
  const emodb = join(sharedDir, "corpora", "emodb", "wav");
  return [
    ...["en_male_normal", "en_female_fast_high", "fr_slow_low", "fr_with_noise"].map((name) =>
      join(reference, `${name}.wav`),
    ),
    ...readdirSync(emodb)
      .filter((file) => file.endsWith(".wav"))
      .sort()
      .map((file) => join(emodb, file)),
  ];
}

async function speechSamples(seconds: number): Promise<Float32Array> {
  const total = seconds * RATE;
  const samples = new Float32Array(total);
  let filled = 0;
  for (const path of speechWavPaths()) {
    if (filled >= total) break;
    const audio = await readAudioForFeatureSet(path, "mfcc0_12", { sampleRate: RATE });
    const take = Math.min(audio.samples.length, total - filled);
    samples.set(audio.samples.subarray(0, take), filled);
    filled += take;
  }
  if (filled < total) throw new Error(`only ${filled / RATE} s of speech found under ${sharedDir}`);
  return samples;
}

function writeWav(path: string, samples: Float32Array): void {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(
    1,
    RATE,
    "16",
    Int16Array.from(samples, (value) => Math.round(value * 32767)),
  );
  writeFileSync(path, wav.toBuffer());
}

/** CPU seconds (user + system) of `run`. */
async function cpuSeconds(run: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function streamAll(set: string, samples: Float32Array): number {
  const extractor = createStreamingExtractor(set, RATE);
  let frames = 0;
  for (let offset = 0; offset < samples.length; offset += STREAM_CHUNK) {
    frames += extractor.push(samples.subarray(offset, offset + STREAM_CHUNK)).frames;
  }
  return frames + extractor.end().frames;
}

/**
 * Child mode: stream `minutes` of speech generated chunk by chunk (one 4 s recording looped, so
 * loading it leaves no transient of its own), and report the peak RSS. The peak is sampled once
 * per second of audio: a spawned child's getrusage maxRSS starts at its parent's RSS on Linux.
 */
async function streamingMemoryChild(set: string, minutes: number): Promise<void> {
  const recording = join(sharedDir, "reference", "opensmile", "wav", "en_male_normal.wav");
  const loop = (await readAudioForFeatureSet(recording, set)).samples;
  // A functionals set streams as live audio does: over a sliding window (3 s every 0.5 s).
  const live = getFeatureSet(set).spec.level === "functionals" ? LIVE_WINDOW : undefined;
  const extractor = createStreamingExtractor(set, RATE, live);
  const chunk = new Float32Array(STREAM_CHUNK);
  const total = minutes * 60 * RATE;
  const chunksPerSecond = RATE / STREAM_CHUNK;
  let peakRss = process.memoryUsage.rss();
  const start = process.cpuUsage();
  for (let offset = 0, index = 0; offset < total; offset += STREAM_CHUNK, index += 1) {
    for (let i = 0; i < STREAM_CHUNK; i += 1) chunk[i] = loop[(offset + i) % loop.length] ?? 0;
    extractor.push(chunk);
    if (index % chunksPerSecond === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  extractor.end();
  const used = process.cpuUsage(start);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  process.stdout.write(
    JSON.stringify({ peakRssMb: peakRss / 2 ** 20, cpuSeconds: (used.user + used.system) / 1e6 }),
  );
}

function measureStreamingMemory(set: string, minutes: number): { peakRssMb: number } {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--stream-child", set, String(minutes)],
    { encoding: "utf8" },
  );
  if (child.status !== 0) throw new Error(`streaming child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { peakRssMb: number };
}

const REPEATS = 3;
const rtf = (seconds: number) => `${Math.round(BENCH_SECONDS / seconds)}x`;
/** How many times faster than openSMILE (below 1: slower). */
const ratio = (ours: number, openSmile: number) => `${(openSmile / ours).toFixed(2)}`;

function benchOptions() {
  return parseArgs({
    args: process.argv.slice(2),
    options: {
      opensmile: { type: "string" },
      "opensmile-config": { type: "string" },
      sets: { type: "string" },
    },
  }).values;
}

/** `--sets a,b`: those sets only (each checked by name); all by default. */
function setsOption(): string[] {
  const { sets } = benchOptions();
  if (sets === undefined) return availableFeatureSets();
  return sets.split(",").map((name) => getFeatureSet(name.trim()).name);
}

function openSmileOption(): OpenSmile | undefined {
  const values = benchOptions();
  const binary = values.opensmile ?? process.env.OPENSMILE_BIN;
  const configDir = values["opensmile-config"] ?? process.env.OPENSMILE_CONFIG;
  if (binary === undefined) return undefined;
  return openSmileFrom(binary, configDir);
}

/** Best-of-REPEATS CPU seconds of ours (batch, streaming, WAV -> file) and openSMILE, interleaved. */
async function timeSet(
  set: string,
  samples: Float32Array,
  wavPath: string,
  dir: string,
  openSmile: OpenSmile | undefined,
) {
  const format = openSmile?.outputFormat(set) ?? (set === "mfcc0_12" ? "arff" : "csv");
  const best = { batch: Infinity, streaming: Infinity, file: Infinity, openSmile: Infinity };
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    best.batch = Math.min(best.batch, await cpuSeconds(() => extractFeatures(set, samples, RATE)));
    best.streaming = Math.min(best.streaming, await cpuSeconds(() => streamAll(set, samples)));
    const outPath = join(dir, `${set}.${format}`);
    const file = await cpuSeconds(async () =>
      writeFileSync(outPath, formatFeatureFile(await extractFile(wavPath, set), format)),
    );
    best.file = Math.min(best.file, file);
    const openSmileSeconds = openSmile?.cpuSeconds(set, wavPath, dir);
    if (openSmileSeconds !== undefined) best.openSmile = Math.min(best.openSmile, openSmileSeconds);
  }
  return { ...best, format };
}

async function main(): Promise<void> {
  const openSmile = openSmileOption();
  const dir = mkdtempSync(join(tmpdir(), "features-bench-"));
  try {
    const samples = await speechSamples(BENCH_SECONDS);
    const wavPath = join(dir, "speech_600s.wav");
    writeWav(wavPath, samples);
    console.log(`features benchmark: ${BENCH_SECONDS} s of 16 kHz speech (${wavPath}), CPU time`);
    console.log(
      openSmile === undefined
        ? "openSMILE: figures from shared/reference/opensmile/README.md (pass --opensmile <SMILExtract> to run it side by side)"
        : `openSMILE: ${openSmile.binary} with configs from ${openSmile.configDir}, same file, interleaved`,
    );
    const rows = [];
    for (const set of setsOption()) {
      const times = await timeSet(set, samples, wavPath, dir, openSmile);
      const memory = MEMORY_MINUTES.map((minutes) => measureStreamingMemory(set, minutes));
      const readme = OPENSMILE_README[set];
      const measured = Number.isFinite(times.openSmile) ? times.openSmile : undefined;
      const openSmileSeconds = openSmile === undefined ? readme?.seconds : measured;
      rows.push({
        set,
        "batch s": times.batch.toFixed(2),
        "batch RTF": rtf(times.batch),
        "stream RTF (20 ms chunks)": rtf(times.streaming),
        "WAV->file RTF": `${rtf(times.file)} (${times.format})`,
        "openSMILE s": openSmileSeconds?.toFixed(2) ?? "-",
        "openSMILE RTF": openSmileSeconds === undefined ? "-" : rtf(openSmileSeconds),
        "x openSMILE (batch)":
          openSmileSeconds === undefined ? "-" : ratio(times.batch, openSmileSeconds),
        "x openSMILE (WAV->file)":
          openSmileSeconds === undefined ? "-" : ratio(times.file, openSmileSeconds),
        "RSS baseline MB": memory[0]?.peakRssMb.toFixed(0),
        "stream RSS 10 min MB": memory[1]?.peakRssMb.toFixed(0),
        "stream RSS 60 min MB": memory[2]?.peakRssMb.toFixed(0),
        "openSMILE RSS MB (README)": readme?.rssMb ?? "-",
      });
    }
    console.table(rows);
    if (openSmile === undefined) {
      console.log("openSMILE s/RTF: README wall-clock figures (no mfcc0_12_d_a figure there)");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--stream-child") {
  await streamingMemoryChild(process.argv[3] ?? "mfcc0_12", Number(process.argv[4]));
} else {
  await main().catch((error: unknown) => {
    // A bad flag or a failing SMILExtract: one line naming it, not a stack trace.
    const details = error instanceof EmotionStreamError ? ` ${JSON.stringify(error.details)}` : "";
    console.error(`error: ${error instanceof Error ? error.message : String(error)}${details}`);
    process.exitCode = 1;
  });
}
