// Sending to a peer that does not read must not grow our memory: past `maxBufferedBytes` of unsent
// data the peer is dropped instead.

import { CLOSE_CODES } from "@emotion-stream/core";
import type { WebSocket } from "ws";

/** Sends `text`, or closes the socket as a slow consumer when too much is already queued; false then. */
export function sendBounded(socket: WebSocket, text: string, maxBufferedBytes: number): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  if (socket.bufferedAmount > maxBufferedBytes) {
    socket.close(CLOSE_CODES.slowConsumer, "slow consumer: too much unread data");
    return false;
  }
  socket.send(text);
  return true;
}
