// Reconnect delays: exponential from `initialDelayMs`, capped at `maxDelayMs`, with a random spread so
// that many clients cut off together do not come back in lockstep.
import { z } from "zod";
import { parseWithSchema } from "../parse-with-schema.js";

export const reconnectPolicySchema = z
  .strictObject({
    initialDelayMs: z.number().min(0).default(250),
    maxDelayMs: z.number().min(0).default(10_000),
    factor: z.number().min(1).default(2),
    /** Fraction of the delay drawn at random, in [0, 1]: 0.2 gives delays in [0.8d, d]. */
    jitter: z.number().min(0).max(1).default(0.2),
    /** Attempts after one connection is lost before the client gives up. */
    maxAttempts: z.number().int().min(0).default(Number.MAX_SAFE_INTEGER),
  })
  .refine((policy) => policy.initialDelayMs <= policy.maxDelayMs, {
    message: "initialDelayMs must not exceed maxDelayMs",
    path: ["initialDelayMs"],
  });

export type ReconnectPolicy = z.output<typeof reconnectPolicySchema>;

export function parseReconnectPolicy(
  input: z.input<typeof reconnectPolicySchema>,
): ReconnectPolicy {
  return parseWithSchema(reconnectPolicySchema, input, "BAD_CONFIG", { field: "reconnect" });
}

/** The wait before attempt `attempt` (0 for the first retry); `random` returns a value in [0, 1). */
export function reconnectDelay(
  attempt: number,
  policy: ReconnectPolicy,
  random: () => number = Math.random,
): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** attempt);
  return base * (1 - policy.jitter * random());
}
