// Bundlers pick wavefile's ES module build, which has only named exports; packages/features imports
// it the way Node sees the CommonJS build, as a default export. This module gives bundles that default.
import { WaveFile } from "wavefile-esm";

export default { WaveFile };
