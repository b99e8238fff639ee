// A producer's WebSocket for the Try-it page: hello, open one stream on a chosen model, send its
// frames as binary messages and hear back predictions, the summary and errors for it.
import {
  CLOSE_CODES,
  type ClientMessage,
  type ErrorMessage,
  encodeBinaryFrames,
  type OpenedMessage,
  PROTOCOL_VERSION,
  type PredictionMessage,
  type ServerMessage,
  type StreamInput,
  type SummaryMessage,
  serverMessageSchema,
  type WelcomeMessage,
} from "@emotion-stream/core";

export interface ProducerEvents {
  readonly onPrediction: (message: PredictionMessage) => void;
  readonly onSummary: (message: SummaryMessage) => void;
  readonly onError: (message: ErrorMessage) => void;
  /** The connection ended; `expected` when we closed it ourselves. */
  readonly onClose: (reason: string, expected: boolean) => void;
}

const SLOT = 0;

export class ProducerConnection {
  private readonly socket: WebSocket;
  private readonly events: ProducerEvents;
  private closing = false;
  private pending: { type: ServerMessage["type"]; resolve: (message: never) => void } | undefined;
  private failPending: ((error: Error) => void) | undefined;

  private constructor(socket: WebSocket, events: ProducerEvents) {
    this.socket = socket;
    this.events = events;
    socket.binaryType = "arraybuffer";
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      const reason =
        event.code === 1006 ? "the server cannot be reached" : event.reason || `code ${event.code}`;
      this.failPending?.(new Error(reason));
      this.events.onClose(reason, this.closing);
    };
  }

  /** Connects and completes the handshake; rejects with a readable reason when the server is down. */
  static async connect(
    url: string,
    events: ProducerEvents,
  ): Promise<{ connection: ProducerConnection; welcome: WelcomeMessage }> {
    const connection = new ProducerConnection(new WebSocket(url), events);
    const welcome = connection.expect<WelcomeMessage>("welcome");
    await new Promise<void>((resolve, reject) => {
      connection.socket.onopen = () => resolve();
      connection.socket.onerror = () => reject(new Error(`the server at ${url} cannot be reached`));
    });
    connection.send({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      role: "producer",
      agent: "emotion-stream dashboard",
    });
    return { connection, welcome: await welcome };
  }

  async open(streamId: string, model: string, input: StreamInput): Promise<OpenedMessage> {
    const opened = this.expect<OpenedMessage>("opened");
    this.send({ type: "open", streamId, slot: SLOT, model, input });
    return opened;
  }

  sendFeatures(values: Float32Array, dimension: number): void {
    if (values.length > 0)
      this.socket.send(encodeBinaryFrames({ kind: "features", slot: SLOT, dimension, values }));
  }

  sendPcm(samples: Float32Array): void {
    if (samples.length > 0)
      this.socket.send(
        encodeBinaryFrames({ kind: "f32le", slot: SLOT, dimension: 1, values: samples }),
      );
  }

  end(streamId: string): void {
    this.send({ type: "end", streamId });
  }

  /** Bytes queued in the browser but not yet sent: a producer should wait while this grows. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  close(): void {
    this.closing = true;
    this.socket.close(CLOSE_CODES.normal);
  }

  private send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  private expect<Message extends ServerMessage>(type: Message["type"]): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      this.pending = { type, resolve: resolve as (message: never) => void };
      this.failPending = reject;
    });
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") return;
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = serverMessageSchema.safeParse(value);
    if (!parsed.success) return;
    const message = parsed.data;
    if (this.pending?.type === message.type) {
      const { resolve } = this.pending;
      this.pending = undefined;
      this.failPending = undefined;
      (resolve as (message: ServerMessage) => void)(message);
      return;
    }
    if (message.type === "prediction") this.events.onPrediction(message);
    else if (message.type === "summary") this.events.onSummary(message);
    else if (message.type === "error") {
      this.failPending?.(new Error(`${message.code}: ${message.message}`));
      this.events.onError(message);
    }
  }
}
