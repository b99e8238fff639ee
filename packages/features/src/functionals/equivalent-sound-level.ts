// eGeMAPS v02's equivalent sound level (config egemaps/v02/eGeMAPSv02_core.func.conf.inc): the
// float32 mean of the frames' energy (cFunctionals Means.amean of egemapsv02_energyRMS, which holds
// the mean squared sample, not its root), in dB by cVectorOperation's dBp: 10·log10 in float32, with
// values at or below 1e-12 floored to 1e-12 (-120 dB).
import { functionalSeries } from "./functional-series.js";

const LOG_FLOOR = Math.fround(1e-12);
const DB_PER_LN_POWER = Math.fround(10 / Math.log(10));

export function equivalentSoundLevel(energy: Float32Array): number {
  const { mean } = functionalSeries(energy);
  return Math.fround(DB_PER_LN_POWER * Math.fround(Math.log(Math.max(mean, LOG_FLOOR))));
}
