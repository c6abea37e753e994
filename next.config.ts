import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite must be loaded by Node, not bundled: bundled, it resolves its WASM path to a URL object and fails.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  // Lets parallel builds (e2e runs side by side) use separate output directories.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Security headers that do not depend on the request; the CSP carries a per-request nonce (proxy.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
