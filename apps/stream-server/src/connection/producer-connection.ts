// A producer's socket and the streams it has open, by id and by the slot its binary frames carry.
import type { WebSocket } from "ws";
import type { ProducerStream } from "../streams/producer-stream.js";

export class ProducerConnection {
  readonly byId = new Map<string, ProducerStream>();
  readonly bySlot = new Map<number, ProducerStream>();
  /** Its streams' windows queued or running in inference. */
  queuedWindows = 0;

  constructor(readonly socket: WebSocket) {}

  add(session: ProducerStream): void {
    this.byId.set(session.id, session);
    this.bySlot.set(session.slot, session);
  }

  remove(session: ProducerStream): void {
    this.byId.delete(session.id);
    if (this.bySlot.get(session.slot) === session) this.bySlot.delete(session.slot);
  }
}
