import type { Metadata } from "next";
import { TryView } from "../../components/try/try-view.js";

export const metadata: Metadata = { title: "Try it" };

export default function TryPage() {
  return (
    <>
      <h1>Try it yourself</h1>
      <p className="muted">
        Your audio stays in the browser: it extracts the features with the same code as training and
        sends only those to the stream server.
      </p>
      <TryView />
    </>
  );
}
