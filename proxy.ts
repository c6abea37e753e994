import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before every page and API request. It authorizes nothing (every page and handler checks the user
 * itself); it sets a per-request CSP nonce and passes the path on so pages can send a signed-out visitor back.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isDev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Radix and rrweb-player set inline styles; scripts stay nonce-only, which is what XSS needs.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-candor-path", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Not the recorder's uploads: they answer JSON to the page's own scripts, so a CSP nonce means nothing there, and
  // they are the one path hit every few seconds by every recording tab.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/ingest/).*)" }],
};
