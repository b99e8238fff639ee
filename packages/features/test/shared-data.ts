// The shared openSMILE reference data for tests ($EMOTION_STREAM_SHARED or <repo>/../shared): its
// suites skip when it is missing, and fail under CI=true (@emotion-stream/config/shared-data).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { hasSharedData, sharedDir } from "@emotion-stream/config/shared-data";

export { sharedDir };

export const openSmileReferenceDir = join(sharedDir, "reference", "opensmile");

export const hasOpenSmileReference = hasSharedData(
  join("reference", "opensmile", "wav"),
  "openSMILE reference data",
);

/** Base names (without .wav) of the reference WAVs. */
export function referenceWavNames(): string[] {
  if (!hasOpenSmileReference) return [];
  return readdirSync(join(openSmileReferenceDir, "wav"))
    .filter((file) => file.endsWith(".wav"))
    .map((file) => file.slice(0, -".wav".length))
    .sort();
}
