import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "vitest";
import { decodeWav } from "../../src/audio/decode-wav.js";
import { mixToMono } from "../../src/audio/mix-to-mono.js";
import { EgemapsLevels } from "../../src/sets/egemaps-v02-levels.js";
import { parseOpenSmileCsv } from "../../src/formats/opensmile-csv.js";
const R = "/work/shared/reference/opensmile";
it("raw", () => {
  const f = "en_male_normal";
  const audio = decodeWav(readFileSync(join(R, "wav", `${f}.wav`)), f);
  const e: number[] = []; const fr: number[] = []; const f0: number[] = [];
  const levels = new EgemapsLevels(audio.sampleRate, { eRow: () => e.push(levels.formants.frequencies[0]!), fRow: (row) => { fr.push(row[7]!); f0.push(row[0]!); } });
  levels.push(mixToMono(audio)); levels.end();
  const ref = parseOpenSmileCsv(readFileSync(join(R, "egemaps_v02_lld", `${f}.csv`), "utf8"), f).features;
  for (let r = 398; r < 411; r++) console.log(`r${r} raw20 ${e[r]?.toFixed(2)} rawF ${fr[r]?.toFixed(2)} f0 ${f0[r]?.toFixed(1)} ref ${ref.data[r * ref.dimension + 16]?.toFixed(2)}`);
});
