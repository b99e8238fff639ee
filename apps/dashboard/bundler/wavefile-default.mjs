// Bundlers pick wavefile's ES module build, which has only named exports; packages/features reads
// it the way Node sees the CommonJS build, through a default export, and webpack refuses a default
// that does not exist. This module gives the bundle wavefile's named exports and that default.
import { WaveFile } from "wavefile-esm";

export { WaveFile };
export default { WaveFile };
