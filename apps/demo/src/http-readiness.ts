// Waits until a child's HTTP endpoint answers 2xx: the stream server's /readyz (a model is loaded),
// the dashboard's first page. Fails at once when the child exits first, and after a timeout.
import { EmotionStreamError } from "@emotion-stream/core";
import { childFailure, type SupervisedChild } from "./child-supervisor.js";

export interface ReadinessOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
}

export async function waitForHttpReady(
  url: string,
  child: SupervisedChild,
  { timeoutMs, intervalMs = 200 }: ReadinessOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  const exit = child.exited.then((status) => {
    exited = true;
    return status;
  });
  while (!exited) {
    if (await answers(url)) return;
    if (Date.now() > deadline) {
      throw new EmotionStreamError(
        "TIMEOUT",
        `${child.spec.name} did not become ready within ${timeoutMs / 1000} s`,
        { value: url },
      );
    }
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, intervalMs))]);
  }
  throw childFailure(child.spec, await exit);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
