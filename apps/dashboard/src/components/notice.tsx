import type { ReactNode } from "react";

/** A state with nothing to show yet, or an error: what happened, then what to do next. */
export function Notice({
  title,
  tone = "info",
  children,
}: {
  title: string;
  tone?: "info" | "warn" | "error";
  children: ReactNode;
}) {
  return (
    <section
      className={`notice ${tone === "info" ? "" : `notice-${tone}`}`}
      role={tone === "error" ? "alert" : "status"}
    >
      <h2>{title}</h2>
      {children}
    </section>
  );
}
