import type { Metadata } from "next";
import { TryView } from "../../components/try/try-view.js";

export const metadata: Metadata = { title: "Try it" };

export default function TryPage() {
  return (
    <>
      <h1>Try it yourself</h1>
      <p className="muted">
        The browser extracts the features with the same code as training and streams them to the
        stream server. (Where a browser cannot record at the model's sample rate, as older Firefox
        versions, it streams the audio and the server extracts the same features.)
      </p>
      <TryView />
    </>
  );
}
