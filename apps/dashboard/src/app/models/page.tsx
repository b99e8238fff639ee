import type { Metadata } from "next";
import { ModelsView } from "../../components/models-view.js";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <h1>Models on the stream server</h1>
      <ModelsView />
    </>
  );
}
