/**
 * Browser, OS and device type from the user-agent string (coarse families only — no versions, so a device cannot
 * be fingerprinted from what is stored). Pure.
 */
export function parseUserAgent(ua: string, maxTouchPoints = 0): { browser: string; os: string; deviceType: "desktop" | "mobile" | "tablet" } {
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\/|Chromium\/|CriOS\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : "Other";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad|iPod/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? maxTouchPoints > 1
            ? "iOS" // iPadOS reports itself as a Mac
            : "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : "Other";
  const tablet = /iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua)) || (os === "iOS" && /Macintosh/.test(ua));
  const deviceType = tablet ? "tablet" : /Mobi|iPhone|iPod/.test(ua) ? "mobile" : "desktop";
  return { browser, os, deviceType };
}
