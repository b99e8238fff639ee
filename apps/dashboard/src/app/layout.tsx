import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ServerAddressProvider } from "../components/server-address.js";
import { SiteNav } from "../components/site-nav.js";
import { readEnv } from "../env.js";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "emotion-stream", template: "%s · emotion-stream" },
  description: "Live speech emotion predictions and evaluation runs.",
};

// The default server address comes from the environment at request time, not at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  const { serverUrl } = readEnv();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <ServerAddressProvider defaultAddress={serverUrl}>
          <header className="site-header">
            <a className="site-title" href="/">
              emotion-stream
            </a>
            <SiteNav />
          </header>
          <main id="main">{children}</main>
        </ServerAddressProvider>
      </body>
    </html>
  );
}
