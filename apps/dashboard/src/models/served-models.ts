// The stream server's /models answer as the dashboard uses it: each model's id and its card,
// validated by the core model-card schema (a card that fails says why instead of hiding the model).
import { EmotionStreamError, type ModelCard, parseModelCard } from "@emotion-stream/core";
import { z } from "zod";

export const servedModelsResponseSchema = z.array(
  z.object({
    id: z.string().min(1),
    version: z.number().optional(),
    loadedAt: z.union([z.string(), z.number()]).optional(),
    card: z.unknown(),
  }),
);

export interface ServedModel {
  readonly id: string;
  readonly version: number | undefined;
  readonly loadedAt: string | number | undefined;
  readonly card: ModelCard | undefined;
  readonly cardProblem: string | undefined;
}

export function servedModelsFrom(
  response: z.output<typeof servedModelsResponseSchema>,
): ServedModel[] {
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
