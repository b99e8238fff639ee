export * from "./binary-frames.js";
export * from "./client-messages.js";
export * from "./http-answers.js";
export * from "./protocol-version.js";
export * from "./server-messages.js";
export * from "./valence-arousal.js";
