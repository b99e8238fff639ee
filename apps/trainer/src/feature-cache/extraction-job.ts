// One unit of extraction work: read one audio file, fingerprint it, and compute the features of
// the whole file or of each of its segments. Runs inside a worker thread or in-process; the
// result carries only transferable typed arrays.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import {
  decodeWav,
  extractFeatures,
  getFeatureSet,
  mixToMono,
  resample,
} from "@emotion-stream/features";
import { describeError } from "../corpora/describe-error.js";
import type { AudioFingerprint } from "./cache-index.js";

export interface ExtractionJob {
  readonly id: number;
  readonly path: string;
  readonly featureSet: string;
  /** Seconds; absent means the whole file. */
  readonly segments?: readonly { readonly startSeconds: number; readonly endSeconds: number }[];
}

export type ExtractionResult =
  | {
      readonly id: number;
      readonly ok: true;
      readonly fingerprint: AudioFingerprint;
      readonly durationSeconds: number;
      /** One per segment (or one for the whole file): frame count and row-major values. */
      readonly matrices: readonly { readonly frames: number; readonly data: Float32Array }[];
    }
  | { readonly id: number; readonly ok: false; readonly message: string };

export async function runExtractionJob(job: ExtractionJob): Promise<ExtractionResult> {
  try {
    const [bytes, info] = await Promise.all([readFile(job.path), stat(job.path)]);
    const set = getFeatureSet(job.featureSet);
    const audio = decodeWav(bytes, job.path);
    const mono = mixToMono(audio);
    const rate = set.spec.sampleRate;
    // The cache is keyed by the set's canonical spec, so audio at other rates is brought to it.
    const samples = audio.sampleRate === rate ? mono : await resample(mono, audio.sampleRate, rate);
    const pieces = job.segments?.map(({ startSeconds, endSeconds }) =>
      samples.subarray(Math.round(startSeconds * rate), Math.round(endSeconds * rate)),
    ) ?? [samples];
    return {
      id: job.id,
      ok: true,
      fingerprint: {
        size: info.size,
        mtimeMs: info.mtimeMs,
        contentHash: createHash("sha1").update(bytes).digest("hex"),
      },
      durationSeconds: samples.length / rate,
      matrices: pieces.map((piece) => {
        const { frames, data } = extractFeatures(set, piece, rate);
        return { frames, data };
      }),
    };
  } catch (error) {
    return { id: job.id, ok: false, message: describeError(error) };
  }
}
