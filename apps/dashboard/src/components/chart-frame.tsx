"use client";
// A chart in its figure: a bold caption above, the chart filling the page's `.chart` box (its height
// is set in the CSS) and, where the picture has one, a description for screen readers.
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

export function ChartFrame({
  caption,
  description,
  className,
  children,
}: {
  caption: string;
  /** What the chart shows, read out in its place (the chart becomes one image to a screen reader). */
  description?: string;
  className?: string;
  /** One recharts chart. */
  children: ReactElement;
}) {
  // Role and name together: a chart without a description stays what it is to a screen reader.
  const described = description === undefined ? {} : { role: "img", "aria-label": description };
  return (
    <figure className={className} style={{ margin: 0 }}>
      <figcaption>
        <strong>{caption}</strong>
      </figcaption>
      <div className="chart" {...described}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
