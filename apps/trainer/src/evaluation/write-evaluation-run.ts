// Runs an evaluation into a run directory: config first (what is being evaluated, on what, with
// which card), then the data summary, metrics, per-utterance decisions and the model's card.
import {
  EVALUATION_EXPERIMENT,
  type EvaluationRunConfig,
  type EvaluationRunData,
} from "@emotion-stream/artifacts";
import type { CorpusArgument } from "../corpora/corpus-argument.js";
import type { LoadedCorpora } from "../feature-cache/load-cached-corpora.js";
import type { RunDirectory } from "../runs/run-directory.js";
import { evaluationNormalisation } from "./card-normalisation.js";
import { type CorporaEvaluation, evaluateCorpora } from "./evaluate-corpora.js";
import type { EvaluatedModel } from "./evaluated-model.js";
import { summariseSkipped } from "./skipped-items.js";
import { testSetsOf } from "./test-sets.js";

export interface EvaluationRequest {
  readonly model: EvaluatedModel;
  readonly loaded: LoadedCorpora;
  readonly corpora: readonly CorpusArgument[];
  /** `onnxruntime-node`, or `tfjs (<backend>)`. */
  readonly runtime: string;
  /** Which emotion table labelled the corpora. */
  readonly labelTable: string;
  /** `batchnorm`: score after AdaBN on each test set (`--adapt-batchnorm`). */
  readonly adaptation?: "batchnorm";
}

export interface EvaluationOutcome {
  readonly evaluation: CorporaEvaluation;
  /** Per `--corpus`: skipped labels, unreadable files, other skips. */
  readonly skipped: EvaluationRunData["skipped"];
}

export async function writeEvaluationRun(
  run: RunDirectory,
  request: EvaluationRequest,
): Promise<EvaluationOutcome> {
  const { model, loaded } = request;
  const normalisation = await evaluationNormalisation(model.card, loaded.utterances, (utterance) =>
    loaded.store.load(utterance),
  );
  const testSets = testSetsOf(loaded.utterances);
  const trainCorpora = model.card.trainingData.corpora;
  const config: EvaluationRunConfig = {
    command: "evaluate",
    experiment: {
      kind: EVALUATION_EXPERIMENT,
      trainCorpora: trainCorpora.map((corpus) => corpus.name),
      testCorpora: testSets.map((testSet) => testSet.name),
    },
    languages: Object.fromEntries([
      ...trainCorpora.map((corpus) => [corpus.name, corpus.language]),
      ...testSets.map((testSet) => [testSet.name, testSet.language]),
    ]),
    preset: model.card.preset.name,
    model: { ...model.reference, name: model.card.name },
    runtime: request.runtime,
    corpora: [...request.corpora],
    featureSet: model.card.featureSet.name,
    window: model.card.window,
    normalisation: normalisation.description,
    aggregation: model.card.aggregation,
    labelTable: request.labelTable,
    adaptation: request.adaptation ?? "none",
  };
  await run.writeJson("config", config);
  const evaluation = await evaluateCorpora(
    model,
    testSets,
    loaded.store,
    normalisation,
    request.adaptation,
  );
  const data: EvaluationRunData = {
    testSets: evaluation.testSets.map(({ metrics, decisions, ...summary }) => summary),
    skipped: loaded.corpora.map((corpus, index) => {
      const argument = request.corpora[index];
      return {
        corpus: argument === undefined ? corpus.corpus : `${argument.adapter}:${argument.path}`,
        ...summariseSkipped(corpus.skipped),
      };
    }),
  };
  await run.writeJson("data", data);
  await run.writeJson(
    "metrics",
    // Each test set's language beside its metrics, for readers that take it from there.
    evaluation.testSets.map((testSet) => ({ ...testSet.metrics, language: testSet.language })),
  );
  await run.writeJson(
    "decisions",
    Object.fromEntries(evaluation.testSets.map((testSet) => [testSet.testSet, testSet.decisions])),
  );
  await run.writeJson("modelCard", model.card);
  return { evaluation, skipped: data.skipped };
}
