// Layers that only act while training (dropout, noise) and the InputLayer pass their input through.
import type { LayerConverter } from "../layer-converter.js";
import { singleInput } from "../layer-converter.js";

export const inferenceIdentityConverter: LayerConverter = {
  classNames: [
    "InputLayer",
    "Dropout",
    "SpatialDropout1D",
    "SpatialDropout2D",
    "GaussianNoise",
    "GaussianDropout",
    "AlphaDropout",
  ],
  convert: (conversion) => singleInput(conversion).name,
};
