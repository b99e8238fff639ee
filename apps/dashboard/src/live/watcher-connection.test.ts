import { describe, expect, it } from "vitest";
import { type ConnectionState, connectWatcher, reconnectDelayMs } from "./watcher-connection.js";

class FakeSocket {
  sent: unknown[] = [];
  closedWith: number | undefined;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close(code: number) {
    this.closedWith = code;
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const welcome = {
  type: "welcome",
  protocol: 1,
  role: "watcher",
  models: ["paper-en"],
  limits: { maxPayloadBytes: 1024, maxStreamsPerConnection: 4, realTimeFactor: 4 },
};

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const states: ConnectionState[] = [];
  const messages: unknown[] = [];
  const connection = connectWatcher(
    "ws://server",
    { onState: (state) => states.push(state), onMessage: (message) => messages.push(message) },
    {
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      setTimer: (run, ms) => timers.push({ run, ms }),
      clearTimer: () => {},
    },
  );
  return { sockets, timers, states, messages, connection };
}

describe("reconnectDelayMs", () => {
  it("doubles from half a second and stops at ten", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(reconnectDelayMs)).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
});

describe("connectWatcher", () => {
  it("says hello as a watcher, subscribes to all streams after the welcome and passes messages on", () => {
    const { sockets, states, messages } = harness();
    const socket = sockets[0];
    socket?.onopen?.();
    expect(socket?.sent[0]).toMatchObject({ type: "hello", role: "watcher", protocol: 1 });
    socket?.receive(welcome);
    expect(socket?.sent[1]).toEqual({ type: "subscribe", streams: "all" });
    expect(states.at(-1)).toEqual({ kind: "open", models: ["paper-en"] });
    socket?.receive({ type: "subscribed", streams: [] });
    expect(messages.map((message) => (message as { type: string }).type)).toEqual([
      "welcome",
      "subscribed",
    ]);
  });

  it("drops messages that fail the protocol schema", () => {
    const { sockets, messages } = harness();
    sockets[0]?.receive({ type: "prediction", streamId: "a" });
    sockets[0]?.onmessage?.({ data: "not json" });
    expect(messages).toEqual([]);
  });

  it("retries with growing delays while the server is down, and resets after a welcome", () => {
    const { sockets, timers, states } = harness();
    sockets[0]?.onclose?.({ code: 1006, reason: "" });
    expect(states.at(-1)).toEqual({
      kind: "waiting",
      reason: "the server cannot be reached",
      retryInMs: 500,
    });
    timers[0]?.run();
    sockets[1]?.onclose?.({ code: 1006, reason: "" });
    expect(timers[1]?.ms).toBe(1000);
    timers[1]?.run();
    sockets[2]?.receive(welcome);
    sockets[2]?.onclose?.({ code: 1001, reason: "server shutting down" });
    expect(states.at(-1)).toEqual({
      kind: "waiting",
      reason: "server shutting down",
      retryInMs: 500,
    });
  });

  it("stops retrying when the server refuses the handshake", () => {
    const { sockets, timers, states } = harness();
    sockets[0]?.onclose?.({ code: 4002, reason: "bad watcher token" });
    expect(states.at(-1)).toEqual({ kind: "refused", reason: "bad watcher token" });
    expect(timers).toEqual([]);
  });

  it("closes normally and never reconnects once closed", () => {
    const { sockets, timers, connection } = harness();
    connection.close();
    expect(sockets[0]?.closedWith).toBe(1000);
    sockets[0]?.onclose?.({ code: 1000, reason: "" });
    expect(timers).toEqual([]);
  });
});
