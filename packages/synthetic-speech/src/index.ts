export * from "./affect-prosody.js";
export * from "./language-styles.js";
export * from "./synthetic-corpus.js";
export * from "./voices.js";
