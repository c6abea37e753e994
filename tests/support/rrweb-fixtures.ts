import { gzipSync } from "node:zlib";

/**
 * Hand-made rrweb events for server tests: a page with a text input, a password, a textarea, a contenteditable and
 * a blocked message composer, whose values are SECRET unless masked. Shapes follow rrweb 2 (see rrweb-snapshot).
 */
export const SECRET = "hunter2-secret";

export function fullSnapshot(timestamp: number, { masked = false }: { masked?: boolean } = {}) {
  const value = masked ? "*".repeat(SECRET.length) : SECRET;
  return {
    type: 2,
    timestamp,
    data: {
      initialOffset: { top: 0, left: 0 },
      node: {
        type: 0,
        id: 1,
        childNodes: [
          {
            type: 2,
            id: 2,
            tagName: "html",
            attributes: {},
            childNodes: [
              {
                type: 2,
                id: 3,
                tagName: "body",
                attributes: {},
                childNodes: [
                  { type: 2, id: 4, tagName: "input", attributes: { type: "text", value, placeholder: SECRET }, childNodes: [] },
                  { type: 2, id: 5, tagName: "input", attributes: { type: "password", value }, childNodes: [] },
                  { type: 2, id: 6, tagName: "textarea", attributes: { value }, childNodes: [{ type: 3, id: 7, textContent: value }] },
                  { type: 2, id: 8, tagName: "div", attributes: { contenteditable: "true" }, childNodes: [{ type: 3, id: 9, textContent: value }] },
                  {
                    type: 2,
                    id: 10,
                    tagName: "section",
                    attributes: { class: "composer rr-block", "data-private": "" },
                    childNodes: [{ type: 3, id: 11, textContent: SECRET }],
                  },
                  { type: 2, id: 12, tagName: "a", attributes: { href: `http://localhost/reset?token=${SECRET}` }, childNodes: [{ type: 3, id: 13, textContent: "Visible link text" }] },
                ],
              },
            ],
          },
        ],
      },
    },
  };
}

export const meta = (timestamp: number, href = "http://localhost/programs?q=secret") => ({ type: 4, timestamp, data: { href, width: 1280, height: 720 } });
export const inputEvent = (timestamp: number, text: string) => ({ type: 3, timestamp, data: { source: 5, id: 4, text, isChecked: false } });
export const textMutation = (timestamp: number, id: number, value: string) => ({ type: 3, timestamp, data: { source: 0, adds: [], removes: [], attributes: [], texts: [{ id, value }] } });
export const custom = (timestamp: number, tag: string, payload: unknown) => ({ type: 5, timestamp, data: { tag, payload } });

export const device = {
  browser: "Chrome",
  os: "Linux",
  deviceType: "desktop",
  screen: { w: 1920, h: 1080 },
  viewport: { w: 1280, h: 720 },
  pixelRatio: 1,
  locale: "en-GB",
  timeZone: "Europe/London",
  path: "/",
};

export function chunkRequest(sessionId: string, payload: unknown, { gzip = true, contentType }: { gzip?: boolean; contentType?: string } = {}) {
  const json = JSON.stringify(payload);
  return new Request(`http://localhost/api/ingest/sessions/${sessionId}/chunks`, {
    method: "POST",
    headers: { "content-type": contentType ?? (gzip ? "application/gzip" : "application/json"), origin: "http://localhost", host: "localhost" },
    body: gzip ? gzipSync(json) : json,
  });
}
