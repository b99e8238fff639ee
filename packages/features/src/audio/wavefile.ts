// The wavefile library as this runtime loads it: Node gets its CommonJS build (exports under
// `default`), bundlers its ES module build (named exports only).
import * as wavefileModule from "wavefile";

export const wavefile =
  (wavefileModule.default as typeof wavefileModule | undefined) ?? wavefileModule;
