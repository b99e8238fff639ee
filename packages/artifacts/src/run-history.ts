// history.json: how a training run went, epoch by epoch, and which epoch's weights it kept (model
// selection on validation UAR) and whether it stopped early.
import { z } from "zod";

const share = z.number().min(0).max(1);

export const runHistoryEpochSchema = z.object({
  /** 1-based. */
  epoch: z.number().int().min(0),
  loss: z.number(),
  validationLoss: z.number().optional(),
  /** Absent where a run had no validation partition to score. */
  validationUar: share.optional(),
  validationWa: share.optional(),
  seconds: z.number().nonnegative().optional(),
  windowsPerSecond: z.number().nonnegative().optional(),
});

export type RunHistoryEpoch = z.infer<typeof runHistoryEpochSchema>;

export const runHistorySchema = z.object({
  selectedEpoch: z.number().int().optional(),
  stoppedEarly: z.boolean().optional(),
  epochs: z.array(runHistoryEpochSchema).readonly(),
});

export type RunHistory = z.infer<typeof runHistorySchema>;
