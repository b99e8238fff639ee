import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConnectionState, connectWatcher } from "./watcher-connection.js";

/** A WebSocket stand-in the test drives by hand: what the client sent, and server events. */
class FakeSocket {
  static made: FakeSocket[] = [];
  readyState = 0;
  bufferedAmount = 0;
  sent: { type: string; [key: string]: unknown }[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close(code = 1000, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code: number, reason = "") {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

const welcome = {
  type: "welcome",
  protocol: 1,
  role: "watcher",
  models: ["paper-en"],
  limits: { maxPayloadBytes: 1024, maxStreamsPerConnection: 4, realTimeFactor: 4 },
};

function watch() {
  const states: ConnectionState[] = [];
  const messages: { type: string }[] = [];
  const connection = connectWatcher(
    "ws://server",
    { onState: (state) => states.push(state), onMessage: (message) => messages.push(message) },
    { WebSocket: FakeSocket },
  );
  return { states, messages, connection };
}

describe("connectWatcher", () => {
  beforeEach(() => {
    FakeSocket.made = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("says hello as a watcher, subscribes to all streams after the welcome and passes stream messages on", async () => {
    const { states, messages } = watch();
    const socket = FakeSocket.made[0];
    socket?.open();
    expect(socket?.sent[0]).toMatchObject({ type: "hello", role: "watcher", protocol: 1 });
    socket?.receive(welcome);
    await vi.waitFor(() => expect(socket?.sent[1]).toEqual({ type: "subscribe", streams: "all" }));
    expect(states.at(-1)).toEqual({ kind: "open", models: ["paper-en"] });
    socket?.receive({ type: "subscribed", streams: [] });
    expect(messages.map((message) => message.type)).toEqual(["subscribed"]);
  });

  it("keeps trying with growing delays while the server is down when the page opens", async () => {
    const { states } = watch();
    FakeSocket.made[0]?.drop(1006);
    await vi.waitFor(() => expect(states.at(-1)?.kind).toBe("waiting"));
    const first = states.at(-1);
    expect(first).toMatchObject({ reason: "the server cannot be reached" });
    await vi.advanceTimersByTimeAsync(first?.kind === "waiting" ? first.retryInMs : 0);
    expect(FakeSocket.made).toHaveLength(2);
    expect(states.some((state) => state.kind === "connecting" && state.attempt === 2)).toBe(true);
    FakeSocket.made[1]?.drop(1006);
    await vi.waitFor(() => expect(states.at(-1)?.kind).toBe("waiting"));
    const second = states.at(-1);
    if (first?.kind !== "waiting" || second?.kind !== "waiting")
      throw new Error("expected waiting");
    expect(second.retryInMs).toBeGreaterThan(first.retryInMs);
  });

  it("stops trying when the server refuses the hello", async () => {
    const { states } = watch();
    const socket = FakeSocket.made[0];
    socket?.open();
    socket?.receive({ type: "error", code: "UNAUTHORIZED", message: "bad watcher token" });
    await vi.waitFor(() => expect(states.at(-1)?.kind).toBe("refused"));
    expect(states.at(-1)).toMatchObject({ reason: expect.stringMatching(/^UNAUTHORIZED/) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.made).toHaveLength(1);
  });

  it("closes normally and never reconnects once closed", async () => {
    const { connection } = watch();
    const socket = FakeSocket.made[0];
    socket?.open();
    socket?.receive(welcome);
    connection.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.made).toHaveLength(1);
  });
});
