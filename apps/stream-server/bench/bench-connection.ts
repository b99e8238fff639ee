// One producer connection of the load generator with one stream on slot 0: connect, hello, open,
// then hand every server message to the caller.
import { EmotionStreamError, PROTOCOL_VERSION, type ServerMessage } from "@emotion-stream/core";
import { WebSocket } from "ws";

// A zero masking key lets ws send the pre-encoded message as it is instead of masking a copy of
// every message. The key is still a valid one (RFC 6455 only asks browsers for unpredictable keys,
// against proxy cache poisoning, which loopback has no part in); the server's work is the same.
function zeroMask(mask: Buffer): void {
  mask.fill(0);
}

export interface BenchConnection {
  readonly socket: WebSocket;
  readonly streamId: string;
}

export async function openBenchStream(
  url: string,
  streamId: string,
  model: string,
  onMessage: (message: ServerMessage) => void,
): Promise<BenchConnection> {
  const socket = new WebSocket(url, { perMessageDeflate: false, generateMask: zeroMask });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === "opened") resolve();
      else if (message.type === "error" && message.streamId === streamId) {
        reject(new EmotionStreamError(message.code, message.message, { streamId }));
      }
      onMessage(message);
    });
  });
  socket.send(
    JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, role: "producer", agent: "bench" }),
  );
  socket.send(
    JSON.stringify({ type: "open", streamId, slot: 0, model, input: { kind: "features" } }),
  );
  await opened;
  return { socket, streamId };
}

/** Opens `count` streams, `concurrency` handshakes at a time. */
export async function openBenchStreams(
  count: number,
  concurrency: number,
  open: (index: number) => Promise<BenchConnection>,
): Promise<BenchConnection[]> {
  const connections: BenchConnection[] = [];
  for (let first = 0; first < count; first += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - first) }, (_, i) =>
      open(first + i),
    );
    connections.push(...(await Promise.all(batch)));
  }
  return connections;
}
