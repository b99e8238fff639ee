// The models being served, by id. Loads `--model` files and a models directory, and on a change of a
// file (or its sidecar card) loads the new version beside the old one; only a version that loads and
// validates replaces it, so a bad file is refused with a logged reason and the old one keeps serving.

import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { readModelFile, sidecarPathOf } from "@emotion-stream/artifacts";
import { EmotionStreamError } from "@emotion-stream/core";
import type { Logger } from "pino";
import type { InferencePool } from "../inference/inference-pool.js";
import { type ServedModel, servedModelFromCard } from "./served-model.js";

export interface ModelSource {
  readonly id: string;
  readonly path: string;
}

// Editors and copy tools write a file in several steps; wait for them to settle before reloading.
const RELOAD_SETTLE_MS = 150;

/** `cnn.onnx` -> { id: "cnn" }, `fast=models/cnn.onnx` -> { id: "fast" }. */
export function parseModelArgument(argument: string): ModelSource {
  const match = /^([A-Za-z0-9._-]+)=(.+)$/.exec(argument);
  const path = resolve(match?.[2] ?? argument);
  return { id: match?.[1] ?? modelIdOf(path), path };
}

function modelIdOf(path: string): string {
  return basename(path).replace(/\.onnx$/i, "");
}

export class ModelRegistry {
  private readonly models = new Map<string, ServedModel>();
  private readonly sources = new Map<string, ModelSource>();
  private readonly loadCounts = new Map<string, number>();
  private readonly fileWatchers: FSWatcher[] = [];
  private readonly settling = new Map<string, NodeJS.Timeout>();
  /** A new version replaced `previous` (undefined for a model seen for the first time). */
  onReplaced: (previous: ServedModel | undefined, next: ServedModel) => void = () => {};

  constructor(
    private readonly pool: InferencePool,
    private readonly log: Logger,
  ) {}

  get(id: string): ServedModel | undefined {
    return this.models.get(id);
  }

  list(): ServedModel[] {
    return [...this.models.values()];
  }

  ids(): string[] {
    return [...this.models.keys()];
  }

  /** Loads the given files (any failure throws) and the directory's files (failures are logged). */
  async start(
    models: readonly string[],
    modelsDir: string | undefined,
    watchFiles: boolean,
  ): Promise<void> {
    for (const source of models.map(parseModelArgument)) {
      this.sources.set(source.id, source);
      await this.load(source);
    }
    if (modelsDir !== undefined) {
      for (const source of await this.scan(modelsDir)) {
        this.sources.set(source.id, source);
        await this.reload(source);
      }
    }
    if (watchFiles) this.watchFiles(modelsDir);
  }

  close(): void {
    for (const watcher of this.fileWatchers) watcher.close();
    for (const timer of this.settling.values()) clearTimeout(timer);
  }

  /** Loads and validates one version; the old one, if any, keeps serving when this throws. */
  async load(source: ModelSource): Promise<ServedModel> {
    const file = await readModelFile(source.path);
    const digest = createHash("sha256")
      .update(file.bytes)
      .update(JSON.stringify(file.card))
      .digest("hex");
    const current = this.models.get(source.id);
    if (current?.digest === digest) return current;
    const version = (this.loadCounts.get(source.id) ?? 0) + 1;
    const key = `${source.id}@${version}`;
    const shapes = await this.pool.load(key, file.bytes);
    let served: ServedModel;
    try {
      served = servedModelFromCard({ id: source.id, version, key, digest, file, shapes });
      await this.pool.warm(key, served.windowShape);
    } catch (error) {
      this.pool.unload(key);
      throw error;
    }
    this.loadCounts.set(source.id, version);
    this.models.set(source.id, served);
    this.log.info(
      { model: source.id, version, path: source.path, card: file.cardSource, seal: file.seal },
      "model loaded",
    );
    if (file.seal === "unsealed") {
      this.log.warn(
        { model: source.id, path: source.path },
        "model file has no SHA-256 seal (not written by pnpm trainer export): damage to it cannot be detected",
      );
    }
    this.onReplaced(current, served);
    return served;
  }

  private async reload(source: ModelSource): Promise<void> {
    try {
      await this.load(source);
    } catch (error) {
      const reason = error instanceof EmotionStreamError ? error.describe() : String(error);
      const serving = this.models.get(source.id);
      this.log.warn(
        { model: source.id, path: source.path, reason, serving: serving?.version ?? null },
        "model file refused; the previous version keeps serving",
      );
    }
  }

  private async scan(directory: string): Promise<ModelSource[]> {
    const names = await readdir(directory).catch((error: Error) => {
      throw new EmotionStreamError(
        "MODEL_NOT_FOUND",
        `cannot read models directory: ${error.message}`,
        {
          file: directory,
        },
      );
    });
    return names
      .filter((name) => name.toLowerCase().endsWith(".onnx"))
      .sort()
      .map((name) => ({ id: modelIdOf(name), path: resolve(directory, name) }));
  }

  private watchFiles(modelsDir: string | undefined): void {
    const directories = new Set([...this.sources.values()].map((source) => dirname(source.path)));
    if (modelsDir !== undefined) directories.add(resolve(modelsDir));
    for (const directory of directories) {
      const watcher = watch(directory, (_event, name) => {
        if (name !== null) this.fileChanged(directory, join(directory, name.toString()), modelsDir);
      });
      watcher.on("error", (error) =>
        this.log.warn({ directory, reason: error.message }, "cannot watch"),
      );
      this.fileWatchers.push(watcher);
    }
  }

  private fileChanged(directory: string, path: string, modelsDir: string | undefined): void {
    const source =
      [...this.sources.values()].find(
        (candidate) => candidate.path === path || sidecarPathOf(candidate.path) === path,
      ) ?? this.newDirectoryModel(directory, path, modelsDir);
    if (source === undefined) return;
    clearTimeout(this.settling.get(source.id));
    this.settling.set(
      source.id,
      setTimeout(() => {
        this.settling.delete(source.id);
        void this.reload(source);
      }, RELOAD_SETTLE_MS),
    );
  }

  /** A model file that appeared in the models directory after start. */
  private newDirectoryModel(
    directory: string,
    path: string,
    modelsDir: string | undefined,
  ): ModelSource | undefined {
    if (
      modelsDir === undefined ||
      resolve(modelsDir) !== directory ||
      !path.toLowerCase().endsWith(".onnx")
    ) {
      return undefined;
    }
    const source = { id: modelIdOf(path), path };
    this.sources.set(source.id, source);
    return source;
  }
}
