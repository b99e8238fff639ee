// Clients that send what no well-behaved client would: a raw WebSocket client that records every
// message the server sends, a bystander that must stay served through it all, and raw HTTP over TCP.
import { connect } from "node:net";
import {
  encodeBinaryFrames,
  type OpenedMessage,
  PROTOCOL_VERSION,
  type ServerMessage,
} from "@emotion-stream/core";
import { afterAll, beforeAll } from "vitest";
import { WebSocket } from "ws";
import { speechlikeFrames, TEST_GEOMETRY, type TestServer } from "./test-server.js";

export class RawClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];
  private errorsSeen = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data, isBinary) => {
      if (!isBinary) this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters.splice(0)) wake();
      }),
    );
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<RawClient> {
    const socket = new WebSocket(url, { headers });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new RawClient(socket);
  }

  /** Connects and completes the hello; resolves after the welcome. */
  static async hello(
    url: string,
    role: "producer" | "watcher",
    token?: string,
  ): Promise<RawClient> {
    const client = await RawClient.connect(url);
    client.send({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      role,
      ...(token === undefined ? {} : { token }),
    });
    await client.next((message) => message.type === "welcome");
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  sendBytes(bytes: Uint8Array): void {
    this.socket.send(bytes);
  }

  sendFrames(
    slot: number,
    values: Float32Array,
    dimension: number = TEST_GEOMETRY.dimension,
  ): void {
    this.sendBytes(encodeBinaryFrames({ kind: "features", slot, dimension, values }));
  }

  /** Sends an open without waiting for its answer, for opens the server should refuse. */
  sendOpen(
    streamId: string,
    slot: number,
    input: object = { kind: "features" },
    model = "tiny",
    language?: string,
  ): void {
    this.send({ type: "open", streamId, slot, model, input, ...(language ? { language } : {}) });
  }

  /** Opens a stream and resolves with the server's `opened`. */
  async open(
    streamId: string,
    slot: number,
    input: object = { kind: "features" },
    model = "tiny",
    language?: string,
  ): Promise<OpenedMessage> {
    this.sendOpen(streamId, slot, input, model, language);
    return this.next<"opened">(
      (message) => message.type === "opened" && message.streamId === streamId,
    );
  }

  /** The first message (from now or already received, after `from`) that matches. */
  async next<Type extends ServerMessage["type"]>(
    match: (message: ServerMessage) => boolean,
    timeoutMs = 5000,
    from = 0,
  ): Promise<ServerMessage & { type: Type }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found !== undefined) return found as ServerMessage & { type: Type };
      if (Date.now() > deadline)
        throw new Error(
          `no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(-5))}`,
        );
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** The next error with `code` after the last one this returned. */
  async error(code: string): Promise<ServerMessage & { type: "error" }> {
    const found = await this.next<"error">(
      (message) => message.type === "error" && message.code === code,
      5000,
      this.errorsSeen,
    );
    this.errorsSeen = this.messages.indexOf(found) + 1;
    return found;
  }

  close(): void {
    this.socket.close();
  }
}

/** Sends one window's frames on `slot` and waits for that stream's next prediction. */
export async function expectServed(
  client: RawClient,
  streamId: string,
  slot: number,
): Promise<void> {
  const from = client.messages.length;
  client.sendFrames(slot, speechlikeFrames(0, TEST_GEOMETRY.windowFrames));
  await client.next((m) => m.type === "prediction" && m.streamId === streamId, 5000, from);
}

export interface Bystander {
  /** Resolves once the bystander's next window is answered. */
  expectServed(): Promise<void>;
}

/**
 * A producer on its own connection with stream "bystander" open on slot 0 for the enclosing suite:
 * whatever the suite's tests do to other streams and connections, it must stay served.
 */
export function useBystander(test: TestServer): Bystander {
  let client: RawClient | undefined;
  beforeAll(async () => {
    client = await RawClient.hello(test.server.url, "producer");
    await client.open("bystander", 0);
  });
  afterAll(() => client?.close());
  return {
    async expectServed() {
      if (client === undefined) throw new Error("the bystander connects in the suite's beforeAll");
      await expectServed(client, "bystander", 0);
    },
  };
}

/** Sends `request` as raw bytes over TCP (no client library tidies it) and returns the answer's status line. */
export function rawHttpStatus(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? ""));
  });
}
