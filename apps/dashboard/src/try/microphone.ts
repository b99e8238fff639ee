// Microphone capture in the browser: mono Float32 chunks from an AudioWorklet (Chromium, Firefox
// and Safari all have it), at the feature set's rate when the browser can run the graph at it.
// Older Firefox versions refuse to connect a microphone to a context at another rate (ESR 153,
// which the e2e tests run, accepts it); then the capture runs at the device's rate and the caller
// streams raw audio for the server to turn into features.

const WORKLET_SOURCE = `
class CaptureProcessor extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor("emotion-stream-capture", CaptureProcessor);
`;

export type MicrophoneProblem = "refused" | "missing" | "insecure" | "unsupported";

export class MicrophoneError extends Error {
  readonly problem: MicrophoneProblem;
  constructor(problem: MicrophoneProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

export interface MicrophoneCapture {
  readonly sampleRate: number;
  stop(): Promise<void>;
}

export async function startMicrophone(
  preferredRate: number,
  onChunk: (samples: Float32Array) => void,
): Promise<MicrophoneCapture> {
  if (!window.isSecureContext) {
    throw new MicrophoneError("insecure", "the microphone needs https or localhost");
  }
  if (
    navigator.mediaDevices?.getUserMedia === undefined ||
    typeof AudioWorkletNode === "undefined"
  ) {
    throw new MicrophoneError("unsupported", "this browser cannot record audio here");
  }
  const stream = await requestMicrophone();
  const { context, source } = await connectAtRate(stream, preferredRate);
  const moduleUrl = URL.createObjectURL(new Blob([WORKLET_SOURCE], { type: "text/javascript" }));
  await context.audioWorklet.addModule(moduleUrl);
  URL.revokeObjectURL(moduleUrl);
  const node = new AudioWorkletNode(context, "emotion-stream-capture");
  node.port.onmessage = (event: MessageEvent<Float32Array>) => onChunk(event.data);
  source.connect(node);
  return {
    sampleRate: context.sampleRate,
    async stop() {
      node.port.onmessage = null;
      source.disconnect();
      for (const track of stream.getTracks()) track.stop();
      await context.close();
    },
  };
}

async function requestMicrophone(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: {
        channelCount: 1,
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
      },
    });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : "";
    if (name === "NotAllowedError" || name === "SecurityError") {
      throw new MicrophoneError("refused", "the microphone was refused");
    }
    if (name === "NotFoundError" || name === "OverconstrainedError") {
      throw new MicrophoneError("missing", "no microphone was found");
    }
    throw error;
  }
}

async function connectAtRate(stream: MediaStream, preferredRate: number) {
  const preferred = new AudioContext({ sampleRate: preferredRate });
  try {
    return { context: preferred, source: preferred.createMediaStreamSource(stream) };
  } catch {
    await preferred.close();
    const native = new AudioContext();
    return { context: native, source: native.createMediaStreamSource(stream) };
  }
}
