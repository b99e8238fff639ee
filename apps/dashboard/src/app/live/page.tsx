import type { Metadata } from "next";
import { LiveView } from "../../components/live/live-view.js";

export const metadata: Metadata = { title: "Live" };

export default function LivePage() {
  return (
    <>
      <h1>Live emotion</h1>
      <LiveView />
    </>
  );
}
