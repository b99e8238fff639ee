// Node entry: everything of the browser entry plus file I/O (WAV files, openSMILE CSV/ARFF).

export type { FrameLevelFeatures } from "../formats/frame-level-features.js";
export { formatOpenSmileArff, parseOpenSmileArff } from "../formats/opensmile-arff.js";
export { formatOpenSmileCsv, parseOpenSmileCsv } from "../formats/opensmile-csv.js";
export * from "../index.js";
export {
  concatFrameLevelFeatures,
  extractFile,
  instanceNameOf,
  toFrameLevelFeatures,
} from "./extract-file.js";
export {
  type FeatureFileFormat,
  featureFileFormatOf,
  formatFeatureFile,
  readFeatureFile,
  writeFeatureFile,
} from "./feature-files.js";
export {
  type AudioForFeatureSet,
  type ReadAudioOptions,
  readAudioForFeatureSet,
} from "./read-audio-for-feature-set.js";
export { readFileBytes, readWavFile } from "./read-wav-file.js";
