// Model-only throughput: onnxruntime-node batch runs of the served model on one thread, without the
// server, as the yardstick for the server's saturation windows/s.
import * as ort from "onnxruntime-node";

export interface ModelThroughput {
  readonly batchSize: number;
  readonly windowsPerSecond: number;
}

export async function measureModelThroughput(
  bytes: Uint8Array,
  windowShape: readonly number[],
  batchSizes: readonly number[],
  secondsEach: number,
): Promise<ModelThroughput[]> {
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  const valuesPerWindow = windowShape.reduce((a, b) => a * b, 1);
  const inputName = session.inputNames[0] ?? "";
  const results: ModelThroughput[] = [];
  for (const batchSize of batchSizes) {
    const values = Float32Array.from({ length: batchSize * valuesPerWindow }, (_, i) =>
      Math.sin(i),
    );
    const feeds = { [inputName]: new ort.Tensor("float32", values, [batchSize, ...windowShape]) };
    for (let i = 0; i < 3; i++) await session.run(feeds);
    let runs = 0;
    const started = performance.now();
    while (performance.now() - started < secondsEach * 1000) {
      await session.run(feeds);
      runs++;
    }
    results.push({
      batchSize,
      windowsPerSecond: (runs * batchSize) / ((performance.now() - started) / 1000),
    });
  }
  await session.release();
  return results;
}
