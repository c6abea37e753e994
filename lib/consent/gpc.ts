/**
 * Global Privacy Control (https://globalprivacycontrol.org): a browser that sends `Sec-GPC: 1` asks not to be
 * tracked. Candor honours it by never prompting; nothing is shared without an explicit opt-in anyway.
 */
export function hasGpcSignal(headers: Pick<Headers, "get">): boolean {
  return headers.get("sec-gpc")?.trim() === "1";
}
