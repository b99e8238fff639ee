// The dashboard reads runs from the local disk and talks only to the stream server: no remote
// fonts, images or telemetry, so it builds and runs offline.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // Our sources import `./x.js` for `./x.ts` (NodeNext style, like every workspace). Webpack maps
  // that with extensionAlias; Turbopack has no such option yet (vercel/next.js#82945), hence the
  // `--webpack` flag on build and dev.
  webpack(config) {
    config.resolve.extensionAlias = { ".js": [".ts", ".tsx", ".js"] };
    return config;
  },
};

export default nextConfig;
