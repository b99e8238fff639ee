// Refuses a model asked to do what its card does not describe: features computed with another
// spec than the card's, or a model file whose input frames, dimension or class count differ from
// the card's window, feature set and classes. Each refusal names the file and the card field.
import { type DeclaredShapes, SYMBOLIC_SIZE } from "@emotion-stream/artifacts";
import {
  EmotionStreamError,
  type FeatureSetSpec,
  type ModelCard,
  modelInputDimension,
  modelInputDimensionField,
} from "@emotion-stream/core";

/** Throws FEATURE_SPEC_MISMATCH when the extractor's spec differs from the card's in any field. */
export function checkFeatureSpec(
  card: ModelCard,
  extracted: FeatureSetSpec,
  cardFile: string,
): void {
  const expected = flatten(card.featureSet, "featureSet");
  const received = flatten(extracted, "featureSet");
  for (const field of new Set([...expected.keys(), ...received.keys()])) {
    if (expected.get(field) === received.get(field)) continue;
    throw new EmotionStreamError(
      "FEATURE_SPEC_MISMATCH",
      "the features this code extracts are not the ones the model card expects",
      {
        file: cardFile,
        field,
        expected: expected.get(field) ?? "(absent)",
        received: received.get(field) ?? "(absent)",
      },
    );
  }
}

/**
 * Throws BAD_MODEL when the model file's declared [batch, frames, dimension] -> [batch, classes]
 * disagrees with its card; a symbolic axis there counts as not declared.
 */
export function checkModelShape(
  card: ModelCard,
  { inputShape, outputShape }: DeclaredShapes,
  modelFile: string,
): void {
  const checks: [string, number, number | undefined][] = [
    ["window.windowFrames", card.window.windowFrames, inputShape[1]],
    [
      modelInputDimensionField(card.languageInput),
      modelInputDimension(card.featureSet.dimension, card.languageInput),
      inputShape[2],
    ],
    ["classes", card.classes.length, outputShape[1]],
  ];
  for (const [field, expected, received] of checks) {
    if (received === expected) continue;
    throw new EmotionStreamError(
      "BAD_MODEL",
      "the model's input or output disagrees with its card",
      {
        file: modelFile,
        field,
        expected,
        received:
          received === undefined || received === SYMBOLIC_SIZE ? "(not declared)" : received,
      },
    );
  }
}

/** Scalar leaves of a JSON value keyed by dotted path, printed for comparison. */
function flatten(
  value: unknown,
  path: string,
  into = new Map<string, string>(),
): Map<string, string> {
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) flatten(child, `${path}.${key}`, into);
  } else {
    into.set(path, String(value));
  }
  return into;
}
