// Every layer converter by Keras class name; adding a layer type means one file and one line here.
import type { LayerConverter } from "./layer-converter.js";
import { activationConverters } from "./layers/activation.js";
import { batchNormalizationConverter } from "./layers/batch-normalization.js";
import { convolutionConverter } from "./layers/convolution.js";
import { denseConverter } from "./layers/dense.js";
import { functionalsPoolingConverter } from "./layers/functionals-pooling.js";
import { globalPoolingConverter } from "./layers/global-pooling.js";
import { inferenceIdentityConverter } from "./layers/inference-identity.js";
import { mergeConverters } from "./layers/merge.js";
import { poolingConverter } from "./layers/pooling.js";
import { reshapingConverters } from "./layers/reshaping.js";
import { statisticsPoolingConverter } from "./layers/statistics-pooling.js";

const CONVERTERS: readonly LayerConverter[] = [
  inferenceIdentityConverter,
  convolutionConverter,
  poolingConverter,
  globalPoolingConverter,
  denseConverter,
  batchNormalizationConverter,
  ...activationConverters,
  ...reshapingConverters,
  ...mergeConverters,
  statisticsPoolingConverter,
  functionalsPoolingConverter,
];

const BY_CLASS_NAME = new Map(
  CONVERTERS.flatMap((converter) => converter.classNames.map((name) => [name, converter] as const)),
);

export function findLayerConverter(className: string): LayerConverter | undefined {
  return BY_CLASS_NAME.get(className);
}

export const CONVERTIBLE_LAYER_CLASS_NAMES: readonly string[] = [...BY_CLASS_NAME.keys()].sort();
