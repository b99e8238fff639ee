export * from "./backoff.js";
export * from "./emotion-stream-client.js";
export * from "./producer-stream.js";
export * from "./websocket-like.js";
