// metrics.json: one entry per test set (and again after AdaBN where a run adapted), core's test-set
// metrics, with the test set's language beside them where the writer knew it (evaluation runs).
import { testSetMetricsSchema } from "@emotion-stream/core";
import { z } from "zod";

export const runTestSetMetricsSchema = testSetMetricsSchema.extend({
  language: z.string().optional(),
});

export type RunTestSetMetrics = z.infer<typeof runTestSetMetricsSchema>;

export const runMetricsSchema = z.array(runTestSetMetricsSchema).readonly();

export type RunMetrics = z.infer<typeof runMetricsSchema>;
