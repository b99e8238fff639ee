// Fair use of the inference queue: once it is half full, a connection may hold no more than an
// equal part of the other half among the connections with windows queued, so a flood of windows
// from a few connections is refused (OVERLOADED) before it crowds out everyone else's.

export interface QueueState {
  /** Windows queued or running, over all connections. */
  readonly depth: number;
  readonly capacity: number;
  /** Windows this connection has queued or running. */
  readonly held: number;
  /** Connections with at least one window queued or running. */
  readonly queueing: number;
}

/** Whether a connection may queue one more window. */
export function queueShareAdmits({ depth, capacity, held, queueing }: QueueState): boolean {
  const half = capacity / 2;
  if (depth < half) return true;
  const sharing = queueing + (held === 0 ? 1 : 0);
  return held < Math.max(1, half / sharing);
}
