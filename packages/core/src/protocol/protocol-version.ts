// The wire protocol's version. A peer states it in `hello`; the server answers with its own and
// refuses a version it does not speak. Bump it on any change an older peer would misread.
import type { ErrorCode } from "../errors.js";

export const PROTOCOL_VERSION = 1;

/** Errors after which the server has closed the stream they name (its other streams go on). */
export const STREAM_ENDING_ERROR_CODES: readonly ErrorCode[] = ["FASTER_THAN_REAL_TIME"];

/** WebSocket close codes the server uses besides the standard ones (1008 policy, 1009 too big). */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  policyViolation: 1008,
  messageTooBig: 1009,
  serverError: 1011,
  /** The peer stopped answering pings. */
  unresponsive: 4000,
  /** A watcher that cannot keep up was dropped. */
  slowConsumer: 4001,
  /** The hello was missing, late, of an unknown version or unauthorised. */
  handshakeFailed: 4002,
} as const;
