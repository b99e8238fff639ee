// The dashboard reads runs from the local disk and talks only to the stream server: no remote
// fonts, images or telemetry, so it builds and runs offline.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const require = createRequire(import.meta.url);
const featuresEntry = require.resolve("@emotion-stream/features");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // `pnpm typecheck` (tsc over src and tests) is the type gate; a second pass inside every build
  // would double its cost on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  // Our sources import `./x.js` for `./x.ts` (NodeNext style, like every workspace). Webpack maps
  // that with extensionAlias; Turbopack has no such option yet (vercel/next.js#82945), hence the
  // `--webpack` flag on build and dev.
  webpack(config) {
    config.resolve.extensionAlias = { ".js": [".ts", ".tsx", ".js"] };
    config.resolve.alias = {
      ...config.resolve.alias,
      wavefile$: fileURLToPath(new URL("./bundler/wavefile-default.mjs", import.meta.url)),
      "wavefile-esm$": createRequire(featuresEntry).resolve("wavefile/index.js"),
    };
    return config;
  },
};

export default nextConfig;
