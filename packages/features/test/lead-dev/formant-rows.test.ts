import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "vitest";
import { decodeWav } from "../../src/audio/decode-wav.js";
import { mixToMono } from "../../src/audio/mix-to-mono.js";
import { extractFeatures } from "../../src/extract-features.js";
import { parseOpenSmileCsv } from "../../src/formats/opensmile-csv.js";
const R = "/work/shared/reference/opensmile";
it("rows", () => {
  for (const f of ["en_male_normal", "en_8khz", "fr_slow_low"]) {
    const audio = decodeWav(readFileSync(join(R, "wav", `${f}.wav`)), f);
    const ours = extractFeatures("egemaps_v02_lld", mixToMono(audio), audio.sampleRate);
    const ref = parseOpenSmileCsv(readFileSync(join(R, "egemaps_v02_lld", `${f}.csv`), "utf8"), f).features;
    const d = ref.dimension; let bad = 0; const lines: string[] = [];
    for (let r = 0; r < ref.frames; r++) {
      const c = 16; const a = ours.data[r * d + c]!, b = ref.data[r * d + c]!;
      if (Math.abs(a - b) > 1e-3 * Math.max(1, Math.abs(b))) { bad++; if (lines.length < 8) lines.push(`r${r} ours ${a.toFixed(2)} ref ${b.toFixed(2)} | F2 ${ours.data[r*d+19]!.toFixed(1)} ${ref.data[r*d+19]!.toFixed(1)}`); }
    }
    console.log(f, ref.frames, "bad F1 rows", bad, "\n" + lines.join("\n"));
  }
});
