// openSMILE's cFunctionalTimes (src/functionals/functionalTimes.cpp), its fixed outputs: the share
// of frames above (up-level) or at most at (down-level) min + X·range for X = 25, 50, 75, 90 %, of
// frame-to-frame rises and falls, of left (accelerating) and right curvature, and the duration, in
// float32. With norm `segment` each count is divided by the frame count (rises by n − 1, curvatures
// by n − 2, giving 0 when that is 0, and −0 for a single frame's curvature), with `frame` the
// counts stay counts (rises and curvatures scaled by n / (n − 1) and n / (n − 2), as openSMILE
// does), and with `seconds` they are durations, in buggySecNorm = 0's formulas.
import type { PositionNorm } from "./functional-extremes.js";
import type { FunctionalSeries } from "./functional-series.js";

export const TIMES_OUTPUTS = [
  "upleveltime25",
  "downleveltime25",
  "upleveltime50",
  "downleveltime50",
  "upleveltime75",
  "downleveltime75",
  "upleveltime90",
  "downleveltime90",
  "risetime",
  "falltime",
  "leftctime",
  "rightctime",
  "duration",
] as const;

export type TimesOutput = (typeof TIMES_OUTPUTS)[number];

export interface TimesOptions {
  readonly outputs: readonly TimesOutput[];
  readonly norm: PositionNorm;
}

const LEVELS = [0.25, 0.5, 0.75, 0.9].map(Math.fround);

export function times(
  series: FunctionalSeries,
  options: TimesOptions,
  frameStepSeconds: number,
): number[] {
  const { values, min, max } = series;
  const n = values.length;
  const frames = Math.fround(n);
  let norm = frames;
  let norm1 = frames - 1;
  let norm2 = frames - 2;
  const period = Math.fround(frameStepSeconds);
  if (options.norm === "seconds" && period !== 0) {
    norm = Math.fround(1 / period);
    norm1 = Math.fround(norm1 / Math.fround(frames * period));
    norm2 = Math.fround(norm2 / Math.fround(frames * period));
  } else if (options.norm === "frame") {
    norm = 1;
    norm1 = Math.fround(norm1 / frames);
    norm2 = Math.fround(norm2 / frames);
  }

  const range = Math.fround(max - min);
  const levels = LEVELS.map((level) => Math.fround(Math.fround(level * range) + min));
  const [level25, level50, level75, level90] = levels as [number, number, number, number];
  let atMost25 = 0;
  let atMost50 = 0;
  let atMost75 = 0;
  let atMost90 = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v <= level25) atMost25 += 1;
    if (v <= level50) atMost50 += 1;
    if (v <= level75) atMost75 += 1;
    if (v <= level90) atMost90 += 1;
  }
  const atMost = [atMost25, atMost50, atMost75, atMost90];
  let rises = 0;
  let falls = 0;
  for (let i = 1; i < n; i++) {
    const previous = values[i - 1] as number;
    const value = values[i] as number;
    if (previous < value) rises++;
    else if (previous > value) falls++;
  }
  let leftCurves = 0;
  let rightCurves = 0;
  for (let i = 1; i < n - 1; i++) {
    const value = values[i] as number;
    const before = Math.fround(value - (values[i - 1] as number));
    const after = Math.fround((values[i + 1] as number) - value);
    if (after < before) rightCurves++;
    else if (before < after) leftCurves++;
  }

  const up = (i: number) => Math.fround((n - (atMost[i] as number)) / norm);
  const down = (i: number) => Math.fround((atMost[i] as number) / norm);
  const share = (count: number, by: number) => (by === 0 ? 0 : Math.fround(count / by));
  const value: Record<TimesOutput, number> = {
    upleveltime25: up(0),
    downleveltime25: down(0),
    upleveltime50: up(1),
    downleveltime50: down(1),
    upleveltime75: up(2),
    downleveltime75: down(2),
    upleveltime90: up(3),
    downleveltime90: down(3),
    risetime: share(rises, norm1),
    falltime: share(falls, norm1),
    leftctime: share(leftCurves, norm2),
    rightctime: share(rightCurves, norm2),
    duration: options.norm === "seconds" ? Math.fround(frames * period) : frames,
  };
  return options.outputs.map((output) => value[output]);
}
