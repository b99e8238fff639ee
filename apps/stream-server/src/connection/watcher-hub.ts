// Fan-out to watchers without slowing producers: a message is serialised once and handed to each
// subscribed socket; predictions are skipped while a watcher's unsent data exceeds `skipBytes` or it
// has spent its share of the main thread (sending is charged to its CPU budget), and a watcher whose
// unsent data exceeds `dropBytes` is disconnected, so no watcher can grow our memory or take the
// thread.
// A watcher names at most `maxSubscriptions` streams (live or not yet started); "all" covers any number.

import { EmotionStreamError, type StreamInfo } from "@emotion-stream/core";
import type { WebSocket } from "ws";
import type { CpuBudget } from "../budgets/cpu-budget.js";
import type { GcRefunds } from "../budgets/gc-refunds.js";
import { sendBounded } from "./send-bounded.js";

export interface WatcherLimits {
  readonly skipBytes: number;
  readonly dropBytes: number;
  readonly maxSubscriptions: number;
}

interface Watcher {
  readonly socket: WebSocket;
  readonly budget: CpuBudget;
  all: boolean;
  readonly streams: Set<string>;
}

export class WatcherHub {
  private readonly watchers = new Map<WebSocket, Watcher>();
  /** Predictions not sent to a watcher because it was behind. */
  skipped = 0;

  constructor(
    private readonly limits: WatcherLimits,
    /** Gives back what a garbage collection during a send cost the watcher. */
    private readonly gcRefunds?: GcRefunds,
  ) {}

  get size(): number {
    return this.watchers.size;
  }

  add(socket: WebSocket, budget: CpuBudget): void {
    this.watchers.set(socket, { socket, budget, all: false, streams: new Set() });
  }

  remove(socket: WebSocket): void {
    this.watchers.delete(socket);
  }

  /**
   * Adds to the watcher's subscription and returns the live streams it now covers; SUBSCRIPTION_LIMIT
   * (nothing added) when it would name more than `maxSubscriptions` streams.
   */
  subscribe(
    socket: WebSocket,
    streams: "all" | readonly string[],
    live: readonly StreamInfo[],
  ): StreamInfo[] {
    const watcher = this.watchers.get(socket);
    if (watcher === undefined) return [];
    if (streams === "all") watcher.all = true;
    else {
      const added = new Set(streams.filter((id) => !watcher.streams.has(id)));
      const total = watcher.streams.size + added.size;
      if (total > this.limits.maxSubscriptions) {
        throw new EmotionStreamError(
          "SUBSCRIPTION_LIMIT",
          `a watcher subscribes to at most ${this.limits.maxSubscriptions} named streams (this would make ${total}); subscribe to "all" or unsubscribe first`,
          { field: "streams", expected: this.limits.maxSubscriptions, received: total },
        );
      }
      for (const id of added) watcher.streams.add(id);
    }
    return live.filter((stream) => watcher.all || watcher.streams.has(stream.streamId));
  }

  unsubscribe(socket: WebSocket, streams: "all" | readonly string[]): void {
    const watcher = this.watchers.get(socket);
    if (watcher === undefined) return;
    if (streams === "all") {
      watcher.all = false;
      watcher.streams.clear();
    } else for (const id of streams) watcher.streams.delete(id);
  }

  /** Stream start/end: never skipped (a watcher would lose track), only bounded by `dropBytes`. */
  publishControl(streamId: string, text: string): void {
    for (const watcher of this.watchers.values()) {
      if (watcher.all || watcher.streams.has(streamId)) this.send(watcher, text);
    }
  }

  publishPrediction(streamId: string, text: string): void {
    const now = performance.now();
    for (const watcher of this.watchers.values()) {
      if (!(watcher.all || watcher.streams.has(streamId))) continue;
      if (watcher.socket.bufferedAmount > this.limits.skipBytes || watcher.budget.waitMs(now) > 0)
        this.skipped++;
      else this.send(watcher, text);
    }
  }

  private send(watcher: Watcher, text: string): void {
    const started = performance.now();
    sendBounded(watcher.socket, text, this.limits.dropBytes);
    const sent = performance.now();
    this.gcRefunds?.record(watcher.budget, started, sent);
    watcher.budget.charge(sent - started, sent);
  }
}
