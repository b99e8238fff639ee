import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { CpuBudget } from "../budgets/cpu-budget.js";
import { WatcherHub } from "./watcher-hub.js";

/** A socket whose unsent data we set by hand. */
function fakeSocket(bufferedAmount: number) {
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount,
    sent: [] as string[],
    closeCode: undefined as number | undefined,
    send(text: string) {
      socket.sent.push(text);
    },
    close(code: number) {
      socket.closeCode = code;
      socket.readyState = 2;
    },
  };
  return socket;
}

describe("watcher fan-out", () => {
  it("skips predictions for a watcher that is behind and drops one far behind, never blocking others", () => {
    const hub = new WatcherHub({ skipBytes: 1000, dropBytes: 5000, maxSubscriptions: 3 });
    const keeping = fakeSocket(0);
    const behind = fakeSocket(2000);
    const gone = fakeSocket(6000);
    for (const socket of [keeping, behind, gone]) {
      hub.add(socket as unknown as WebSocket, new CpuBudget(100, performance.now()));
      hub.subscribe(socket as unknown as WebSocket, "all", []);
    }
    hub.publishPrediction("s", "p1");
    expect(keeping.sent).toEqual(["p1"]);
    expect(behind.sent).toEqual([]);
    expect(hub.skipped).toBe(2);
    hub.publishControl("s", "ended");
    expect(keeping.sent).toEqual(["p1", "ended"]);
    expect(behind.sent).toEqual(["ended"]);
    expect(gone.closeCode).toBe(4001);
    expect(gone.sent).toEqual([]);
  });

  it("sends only the streams a watcher chose", () => {
    const hub = new WatcherHub({ skipBytes: 1000, dropBytes: 5000, maxSubscriptions: 3 });
    const socket = fakeSocket(0);
    hub.add(socket as unknown as WebSocket, new CpuBudget(100, performance.now()));
    hub.subscribe(socket as unknown as WebSocket, ["a"], []);
    hub.publishPrediction("b", "not for me");
    hub.publishPrediction("a", "mine");
    expect(socket.sent).toEqual(["mine"]);
  });

  it("refuses a subscription past maxSubscriptions named streams, adding none of it", () => {
    const hub = new WatcherHub({ skipBytes: 1000, dropBytes: 5000, maxSubscriptions: 3 });
    const socket = fakeSocket(0) as unknown as WebSocket;
    hub.add(socket, new CpuBudget(100, performance.now()));
    hub.subscribe(socket, ["a", "b"], []);
    // Naming a stream again does not count twice.
    hub.subscribe(socket, ["a", "b", "c"], []);
    expect(() => hub.subscribe(socket, ["d"], [])).toThrow(
      expect.objectContaining({ code: "SUBSCRIPTION_LIMIT" }),
    );
    hub.unsubscribe(socket, ["a"]);
    hub.subscribe(socket, ["d"], []);
    expect(() => hub.subscribe(socket, ["e", "f"], [])).toThrow(
      expect.objectContaining({ code: "SUBSCRIPTION_LIMIT" }),
    );
    hub.subscribe(socket, "all", []);
    hub.publishPrediction("zzz", "everything");
    expect((socket as unknown as { sent: string[] }).sent).toEqual(["everything"]);
  });

  it("skips predictions for a watcher that has spent its share of the main thread, not stream ends", () => {
    const hub = new WatcherHub({ skipBytes: 1000, dropBytes: 5000, maxSubscriptions: 3 });
    const spent = fakeSocket(0);
    const budget = new CpuBudget(1, performance.now());
    budget.charge(100, performance.now());
    hub.add(spent as unknown as WebSocket, budget);
    hub.subscribe(spent as unknown as WebSocket, "all", []);
    hub.publishPrediction("a", "prediction");
    hub.publishControl("a", "ended");
    expect(spent.sent).toEqual(["ended"]);
    expect(hub.skipped).toBe(1);
  });
});
