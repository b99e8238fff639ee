// Where the shared reference data lives for tests: $EMOTION_STREAM_SHARED or <repo>/../shared.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const sharedDir =
  process.env.EMOTION_STREAM_SHARED ?? resolve(import.meta.dirname, "../../../../shared");

export const openSmileReferenceDir = join(sharedDir, "reference", "opensmile");

export const hasOpenSmileReference = existsSync(join(openSmileReferenceDir, "wav"));

if (!hasOpenSmileReference) {
  console.warn(
    `openSMILE reference data not found under ${openSmileReferenceDir}; parity tests skipped`,
  );
}

/** Base names (without .wav) of the reference WAVs. */
export function referenceWavNames(): string[] {
  if (!hasOpenSmileReference) return [];
  return readdirSync(join(openSmileReferenceDir, "wav"))
    .filter((file) => file.endsWith(".wav"))
    .map((file) => file.slice(0, -".wav".length))
    .sort();
}
