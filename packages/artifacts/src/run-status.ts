// status.json: whether a run finished. The trainer writes it `running` first and `finished` last,
// so a run killed half-way stays `running` (or `interrupted`, when a signal was caught) and no
// reader ever takes it for finished.
import { z } from "zod";

export const RUN_STATUSES = ["running", "finished", "interrupted", "failed"] as const;

export const runStatusSchema = z.object({
  status: z.enum(RUN_STATUSES),
  updatedAt: z.string(),
  /** Why a run failed or was interrupted. */
  message: z.string().optional(),
});

export type RunStatus = z.infer<typeof runStatusSchema>;
