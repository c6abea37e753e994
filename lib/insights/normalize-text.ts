/**
 * Scrubs free text that reaches insights (error messages, feature names) so it cannot carry who or what a person
 * was looking at: emails, urls, ids and numbers are replaced by placeholders, and the length is capped.
 */
const MAX_MESSAGE_LENGTH = 160;
const MAX_NAME_LENGTH = 64;

export function normalizeErrorMessage(message: string): string {
  return message
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, "[email]")
    .replace(/\bhttps?:\/\/\S+/gi, "[url]")
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "[id]")
    .replace(/\b(?=[a-z0-9_-]*\d)[a-z0-9_-]{16,}\b/gi, "[id]")
    .replace(/\d+(\.\d+)?/g, "[n]")
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_MESSAGE_LENGTH);
}

/** Feature and key-event names are identifiers chosen by the app (`data-feature`), not user content. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.:-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_NAME_LENGTH);
}

const DEVICE_TYPES = new Set(["desktop", "mobile", "tablet"]);

/** Device info keeps the family only (no versions), so it is a class of device, not a fingerprint. */
export function normalizeDevice(device: { browser: string; os: string; deviceType: string } | undefined) {
  const family = (value: string | undefined) =>
    (value ?? "")
      .replace(/[\d._/-]+$/g, "")
      .replace(/\s+\d.*$/, "")
      .trim()
      .slice(0, 40);
  const deviceType = (device?.deviceType ?? "").trim().toLowerCase();
  return {
    browser: family(device?.browser),
    os: family(device?.os),
    deviceType: DEVICE_TYPES.has(deviceType) ? deviceType : deviceType ? "other" : "",
  };
}
