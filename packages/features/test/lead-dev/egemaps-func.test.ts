import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "vitest";
import { decodeWav } from "../../src/audio/decode-wav.js";
import { mixToMono } from "../../src/audio/mix-to-mono.js";
import { extractFeatures } from "../../src/extract-features.js";
import { parseOpenSmileCsv } from "../../src/formats/opensmile-csv.js";
const R = "/work/shared/reference/opensmile";
const files = ["digital_zero_1s","dither_noise_1s","en_8khz","en_female_fast_high","en_male_normal","en_stereo_44k","fr_slow_low","fr_with_noise","tone_440hz","very_short_120ms"];
it("compare", () => {
  const all = files.map((f) => {
    const audio = decodeWav(readFileSync(join(R, "wav", `${f}.wav`)), f);
    const ours = extractFeatures("egemaps_v02", mixToMono(audio), audio.sampleRate);
    const ref = parseOpenSmileCsv(readFileSync(join(R, "egemaps_v02_func", `${f}.csv`), "utf8"), f);
    return { f, ours, ref: ref.features, columns: ref.columns };
  });
  const dim = all[0]!.ref.dimension;
  const lo = new Array(dim).fill(Infinity), hi = new Array(dim).fill(-Infinity);
  for (const { ref } of all) ref.data.forEach((v, i) => { const c = i % dim; lo[c] = Math.min(lo[c], v); hi[c] = Math.max(hi[c], v); });
  const worst = new Array(dim).fill(0), worstFile = new Array(dim).fill("");
  for (const { f, ours, ref } of all) {
    for (let i = 0; i < dim; i++) { const c = i; const d = Math.abs((ours.data[i] ?? NaN) - ref.data[i]!) / Math.max(hi[c] - lo[c], Math.abs(ref.data[i]!) * 1e-3, 1e-9); if (!(d <= worst[c])) { worst[c] = d; worstFile[c] = f; } }
  }
  all[0]!.columns.forEach((name, c) => { if (worst[c] > 1e-5) console.log(`${name.padEnd(50)} ${worst[c].toExponential(2)} ${worstFile[c]}`); });
  console.log("max", Math.max(...worst));
});
