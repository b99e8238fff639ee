export * from "./write-synthetic-corpus.js";
