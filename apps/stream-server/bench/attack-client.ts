// The attacks of issue 24, run as a separate process beside the real-time load (`pnpm bench stream
// --attack`), so the load generator's own timing is not disturbed by them. Loopback only, bounded in
// time (--seconds) and in what each attack keeps in flight. Prints one JSON line: what each attack
// sent and what the server answered.
//
// - http: request targets that are not paths (`//`, `//[::1`, `*`, ...), a burst every 100 ms
// - nan: a window of feature frames of ±3e38 (NaN outputs where a model overflows) and f32le samples
//   of 1e15 (refused), the producer reconnecting every 2 s with windows in flight
// - subscriptions: 6 watchers naming new stream ids 1,000 at a time, and subscribing to "all" again
// - silent-watcher: a watcher subscribed to everything that never reads
// - pcm-192k: 16 PCM streams at 192 kHz on one connection, sent at 3.9x real time
// - resampler-churn: PCM streams at 48 kHz opened and ended as fast as the server answers
// - junk: megabyte-long fields and 400,000-deep arrays
import { connect } from "node:net";
import { encodeBinaryFrames, PROTOCOL_VERSION, type ServerMessage } from "@emotion-stream/core";
import { Command } from "commander";
import { WebSocket } from "ws";
import { ATTACKS, type AttackName } from "./attack-names.js";

interface AttackCounts {
  sent: number;
  answered: number;
  /** Server messages by type or error code. */
  readonly replies: Record<string, number>;
  connectionsClosedByServer: number;
}

const counts = new Map<string, AttackCounts>();

function tally(attack: string): AttackCounts {
  let entry = counts.get(attack);
  if (entry === undefined) {
    entry = { sent: 0, answered: 0, replies: {}, connectionsClosedByServer: 0 };
    counts.set(attack, entry);
  }
  return entry;
}

// Past this many unsent bytes on a socket the attacker waits: the server's backpressure at work.
const MAX_CLIENT_BUFFER = 1024 * 1024;

async function client(url: string, attack: string, role: "producer" | "watcher", read = true) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const entry = tally(attack);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  socket.on("error", () => {});
  let quitting = false;
  socket.on("close", () => {
    if (!quitting) entry.connectionsClosedByServer++;
  });
  /** Ends the connection from this side (not counted as closed by the server). */
  const quit = () => {
    quitting = true;
    socket.terminate();
  };
  const waiters: ((message: ServerMessage) => void)[] = [];
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    entry.answered++;
    const key = message.type === "error" ? message.code : message.type;
    entry.replies[key] = (entry.replies[key] ?? 0) + 1;
    for (const waiter of waiters.splice(0)) waiter(message);
  });
  const next = (match: (message: ServerMessage) => boolean, timeoutMs = 10_000) =>
    new Promise<ServerMessage | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      const wait = (message: ServerMessage) => {
        if (match(message)) {
          clearTimeout(timer);
          resolve(message);
        } else waiters.push(wait);
      };
      waiters.push(wait);
    });
  socket.send(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION, role }));
  await next((message) => message.type === "welcome");
  if (!read) socket.pause();
  const send = (data: string | Uint8Array) => {
    if (socket.readyState !== socket.OPEN || socket.bufferedAmount > MAX_CLIENT_BUFFER)
      return false;
    socket.send(data);
    entry.sent++;
    return true;
  };
  return { socket, send, next, quit };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function httpTargets(port: number, until: number): Promise<void> {
  const entry = tally("http");
  const targets = ["//", "///", "//@", "//:99999", "http://", "//[::1", "/\\\\", "*", "x"];
  while (performance.now() < until) {
    await Promise.all(
      targets.map(
        (target) =>
          new Promise<void>((resolve) => {
            const socket = connect(port, "127.0.0.1", () => {
              entry.sent++;
              socket.end(`GET ${target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`);
            });
            socket.once("data", (chunk) => {
              entry.answered++;
              const status = chunk.toString("latin1").split(" ")[1] ?? "?";
              entry.replies[status] = (entry.replies[status] ?? 0) + 1;
            });
            socket.on("error", () => resolve());
            socket.on("close", () => resolve());
          }),
      ),
    );
    await sleep(100);
  }
}

async function nanWindows(url: string, model: string, until: number): Promise<void> {
  let round = 0;
  while (performance.now() < until) {
    const { socket, send, next, quit } = await client(url, "nan", "producer");
    const pcm = `nan-pcm-${round}`;
    const frames = `nan-frames-${round}`;
    round++;
    socket.send(
      JSON.stringify({
        type: "open",
        streamId: pcm,
        slot: 1,
        model,
        input: { kind: "pcm", encoding: "f32le", sampleRate: 16_000 },
      }),
    );
    socket.send(
      JSON.stringify({
        type: "open",
        streamId: frames,
        slot: 2,
        model,
        input: { kind: "features" },
      }),
    );
    const opened = await next((m) => m.type === "opened" && m.streamId === frames);
    const dimension = opened?.type === "opened" ? opened.featureSet.dimension : 13;
    const loud = encodeBinaryFrames({
      kind: "f32le",
      slot: 1,
      dimension: 1,
      values: new Float32Array(1600).fill(1e15),
    });
    const windowFrames = opened?.type === "opened" ? opened.windowFrames : 300;
    // A whole window at once (the real-time allowance takes one), for a model to overflow on.
    send(
      encodeBinaryFrames({
        kind: "features",
        slot: 2,
        dimension,
        values: new Float32Array(windowFrames * dimension).fill(round % 2 === 0 ? 3e38 : -3e38),
      }),
    );
    const stop = Math.min(until, performance.now() + 2000);
    while (performance.now() < stop) {
      send(loud);
      await sleep(100);
    }
    quit();
  }
}

async function subscriptionFlood(url: string, until: number): Promise<void> {
  const watchers = await Promise.all(
    Array.from({ length: 6 }, () => client(url, "subscriptions", "watcher")),
  );
  let batch = 0;
  while (performance.now() < until) {
    for (const { send } of watchers) {
      const ids = Array.from({ length: 1000 }, (_, i) => `ghost-${batch}-${i}`);
      batch++;
      send(JSON.stringify({ type: "subscribe", streams: ids }));
      send(JSON.stringify({ type: "subscribe", streams: "all" }));
    }
    await sleep(20);
  }
  for (const { quit } of watchers) quit();
}

async function silentWatcher(url: string, until: number): Promise<void> {
  const { send, quit } = await client(url, "silent-watcher", "watcher", false);
  send(JSON.stringify({ type: "subscribe", streams: "all" }));
  await sleep(Math.max(0, until - performance.now()));
  quit();
}

async function pcm192k(url: string, model: string, until: number): Promise<void> {
  const { socket, send, quit } = await client(url, "pcm-192k", "producer");
  const streams = 16;
  for (let slot = 0; slot < streams; slot++) {
    socket.send(
      JSON.stringify({
        type: "open",
        streamId: `hot-${slot}-${Date.now()}`,
        slot,
        model,
        input: { kind: "pcm", encoding: "f32le", sampleRate: 192_000 },
      }),
    );
  }
  await sleep(500);
  // 100 ms chunks; at 3.9x real time every stream sends one every 25.6 ms.
  const chunk = Float32Array.from({ length: 19_200 }, (_, i) => 0.3 * Math.sin(i / 40));
  const messages = Array.from({ length: streams }, (_, slot) =>
    encodeBinaryFrames({ kind: "f32le", slot, dimension: 1, values: chunk }),
  );
  const periodMs = 100 / 3.9;
  const started = performance.now();
  for (let round = 0; performance.now() < until; round++) {
    for (const message of messages) send(message);
    await sleep(Math.max(0, started + (round + 1) * periodMs - performance.now()));
  }
  quit();
}

async function resamplerChurn(url: string, model: string, until: number): Promise<void> {
  const { socket, next, quit } = await client(url, "resampler-churn", "producer");
  const entry = tally("resampler-churn");
  for (let round = 0; performance.now() < until; round++) {
    const ids = Array.from({ length: 64 }, (_, slot) => `churn-${round}-${slot}`);
    ids.forEach((streamId, slot) => {
      entry.sent++;
      socket.send(
        JSON.stringify({
          type: "open",
          streamId,
          slot,
          model,
          input: { kind: "pcm", encoding: "s16le", sampleRate: 48_000 },
        }),
      );
    });
    await next((m) => m.type === "error" && m.streamId === ids.at(-1), 5000);
    await sleep(50);
    for (const streamId of ids) socket.send(JSON.stringify({ type: "end", streamId }));
    await sleep(50);
  }
  quit();
}

async function junk(url: string, until: number): Promise<void> {
  const long = JSON.stringify({ type: "x".repeat(900_000) });
  const depth = 400_000;
  const deep = `{"type":${"[".repeat(depth)}${"]".repeat(depth)}}`;
  while (performance.now() < until) {
    const { send, quit } = await client(url, "junk", "producer");
    const stop = Math.min(until, performance.now() + 2000);
    while (performance.now() < stop) {
      send(long);
      send(deep);
      await sleep(200);
    }
    quit();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const options = new Command("attack-client")
    .requiredOption("--port <n>", "the stream server's port on 127.0.0.1")
    .requiredOption("--model <id>", "a model the server serves")
    .requiredOption("--seconds <s>", "how long the attacks run")
    .option("--attacks <list>", "comma-separated attacks to run", ATTACKS.join(","))
    .option("--start-in-ms <ms>", "wait this long before attacking", "0")
    .parse(argv)
    .opts<{ port: string; model: string; seconds: string; attacks: string; startInMs: string }>();
  const port = Number(options.port);
  const url = `ws://127.0.0.1:${port}`;
  await sleep(Number(options.startInMs));
  const until = performance.now() + Number(options.seconds) * 1000;
  const run: Record<AttackName, () => Promise<void>> = {
    http: () => httpTargets(port, until),
    nan: () => nanWindows(url, options.model, until),
    subscriptions: () => subscriptionFlood(url, until),
    "silent-watcher": () => silentWatcher(url, until),
    "pcm-192k": () => pcm192k(url, options.model, until),
    "resampler-churn": () => resamplerChurn(url, options.model, until),
    junk: () => junk(url, until),
  };
  const chosen = options.attacks.split(",").filter((name) => name !== "");
  const unknown = chosen.filter((name) => !(ATTACKS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`unknown attacks ${unknown.join(", ")}; choose from ${ATTACKS.join(", ")}`);
  const results = await Promise.allSettled(chosen.map((name) => run[name as AttackName]()));
  const failures = results.flatMap((result) =>
    result.status === "rejected" ? [String(result.reason)] : [],
  );
  console.log(JSON.stringify({ attacks: Object.fromEntries(counts), failures }));
}

main(process.argv).catch((error: unknown) => {
  console.error(`error: ${String(error)}`);
  process.exit(1);
});
