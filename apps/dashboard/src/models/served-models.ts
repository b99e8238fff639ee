// The stream server's /models answer as the dashboard uses it: each model's id and its card,
// validated by the core model-card schema (a card that fails says why instead of hiding the model).
import {
  EmotionStreamError,
  type ModelCard,
  type ModelsAnswer,
  parseModelCard,
} from "@emotion-stream/core";

export interface ServedModel {
  readonly id: string;
  readonly version: number;
  /** ISO 8601. */
  readonly loadedAt: string;
  readonly card: ModelCard | undefined;
  readonly cardProblem: string | undefined;
}

/** The server's answer (parsed with core's `modelsAnswerSchema`), each card checked on its own. */
export function servedModelsFrom(response: ModelsAnswer): ServedModel[] {
  return response.map((model) => {
    try {
      const card = parseModelCard(model.card, `model ${model.id}`);
      return {
        id: model.id,
        version: model.version,
        loadedAt: model.loadedAt,
        card,
        cardProblem: undefined,
      };
    } catch (error) {
      const problem = error instanceof EmotionStreamError ? error.describe() : String(error);
      return {
        id: model.id,
        version: model.version,
        loadedAt: model.loadedAt,
        card: undefined,
        cardProblem: problem,
      };
    }
  });
}

export type ServedModelsAnswer =
  | { readonly models: readonly ServedModel[] }
  | { readonly error: { readonly code: string; readonly message: string } };
