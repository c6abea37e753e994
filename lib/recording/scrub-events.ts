import { EVENT_TYPE, isCandorTag, stripQueryValues } from "./event-format";
import type { RrwebEvent } from "./protocol";

/**
 * The privacy scrub, run on every rrweb event in the browser (after rrweb's own masking) and again on the server
 * before anything is stored — defence in depth, so a recorder bug or a hand-crafted upload cannot store typed text.
 * Pure and isomorphic. Rules:
 * - input values (inputs, textareas, selects, contenteditable text, input events) are masked unless already masked;
 * - attributes that can carry typed text (`value`, `placeholder`, `aria-valuetext`) are masked;
 * - blocked nodes (`.rr-block`, `[data-private]`, or already serialized by rrweb as a placeholder) keep no content;
 * - query values are stripped from URLs (page href, link href, form action);
 * - custom events other than Candor's own are dropped.
 *
 * It is stateful across the events of one stream: it learns node ids from snapshots and additions, so later text
 * and attribute mutations of a textarea, a contenteditable or a blocked subtree are caught too. The server keeps one
 * context per chunk (chunks can arrive in any order), the recorder one per recording.
 */

// rrweb-snapshot NodeType and IncrementalSource values used below.
const NODE = { Document: 0, Element: 2, Text: 3 } as const;
const SOURCE = { Mutation: 0, Input: 5 } as const;

const MASKED_ATTRIBUTES = new Set(["placeholder", "aria-valuetext"]);
const VALUE_TAGS = new Set(["input", "textarea", "select"]);
const KEPT_ON_BLOCKED = new Set(["class", "id", "style", "rr_width", "rr_height", "data-private"]);
const URL_ATTRIBUTES: Record<string, string> = { href: "a", action: "form" };

type NodeContext = "masked-text" | "blocked";

export type ScrubContext = {
  /** Node ids whose own text, or whose descendants' text, must not be kept. */
  nodes: Map<number, NodeContext>;
  /** Count of values the scrub had to mask or drop (rrweb should have done it already); never their content. */
  corrections: number;
};

export const createScrubContext = (): ScrubContext => ({ nodes: new Map(), corrections: 0 });

const isMasked = (value: string) => /^[\s*]*$/.test(value);

export function maskText(value: string): string {
  return value.replace(/\S/g, "*");
}

type SerializedNode = {
  type: number;
  id?: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
  textContent?: string;
  isStyle?: boolean;
};

function isBlockedElement(node: SerializedNode): boolean {
  const attributes = node.attributes ?? {};
  if ("rr_width" in attributes || "data-private" in attributes) return true;
  const className = typeof attributes.class === "string" ? attributes.class : "";
  return /(^|\s)rr-block(\s|$)/.test(className);
}

function isContentEditable(node: SerializedNode): boolean {
  const value = node.attributes?.contenteditable;
  return value !== undefined && value !== null && value !== false && String(value).toLowerCase() !== "false";
}

function scrubAttribute(context: ScrubContext, tagName: string | undefined, name: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const lower = name.toLowerCase();
  if (MASKED_ATTRIBUTES.has(lower) || (lower === "value" && (tagName === undefined || VALUE_TAGS.has(tagName)))) {
    if (isMasked(value)) return value;
    context.corrections++;
    return maskText(value);
  }
  const urlTag = URL_ATTRIBUTES[lower];
  if (urlTag && (tagName === undefined || tagName === urlTag)) return stripQueryValues(value);
  return value;
}

/** Scrubs a serialized node subtree in place. `inherited` is the context of its parent. */
function scrubNode(context: ScrubContext, node: SerializedNode, inherited: NodeContext | undefined) {
  if (node.type === NODE.Text) {
    if (inherited && typeof node.id === "number") context.nodes.set(node.id, inherited);
    if (inherited && typeof node.textContent === "string" && !node.isStyle && !isMasked(node.textContent)) {
      context.corrections++;
      node.textContent = inherited === "blocked" ? "" : maskText(node.textContent);
    }
    return;
  }
  if (node.type !== NODE.Element) {
    for (const child of node.childNodes ?? []) scrubNode(context, child, inherited);
    return;
  }
  const tagName = node.tagName?.toLowerCase();
  let own = inherited;
  if (inherited === "blocked" || isBlockedElement(node)) own = "blocked";
  else if (tagName === "textarea" || isContentEditable(node)) own = "masked-text";
  if (own && typeof node.id === "number") context.nodes.set(node.id, own);

  if (node.attributes) {
    if (own === "blocked") {
      for (const name of Object.keys(node.attributes)) {
        if (!KEPT_ON_BLOCKED.has(name)) delete node.attributes[name];
      }
    } else {
      for (const [name, value] of Object.entries(node.attributes)) {
        node.attributes[name] = scrubAttribute(context, tagName, name, value);
      }
    }
  }
  if (own === "blocked") {
    if (node.childNodes?.length) context.corrections++;
    node.childNodes = [];
    return;
  }
  for (const child of node.childNodes ?? []) scrubNode(context, child, own);
}

type MutationData = {
  adds?: { parentId: number; node: SerializedNode }[];
  texts?: { id: number; value: string | null }[];
  attributes?: { id: number; attributes: Record<string, unknown> }[];
};

function scrubMutation(context: ScrubContext, data: MutationData) {
  if (Array.isArray(data.adds)) {
    data.adds = data.adds.filter((add) => {
      if (!add || typeof add !== "object" || !add.node) return false;
      const parent = context.nodes.get(add.parentId);
      if (parent === "blocked") {
        context.corrections++;
        return false;
      }
      scrubNode(context, add.node, parent);
      return true;
    });
  }
  for (const change of Array.isArray(data.texts) ? data.texts : []) {
    const known = context.nodes.get(change.id);
    if (known && typeof change.value === "string" && !isMasked(change.value)) {
      context.corrections++;
      change.value = known === "blocked" ? "" : maskText(change.value);
    }
  }
  for (const change of Array.isArray(data.attributes) ? data.attributes : []) {
    if (!change?.attributes || typeof change.attributes !== "object") continue;
    for (const [name, value] of Object.entries(change.attributes)) {
      change.attributes[name] = scrubAttribute(context, undefined, name, value);
    }
  }
}

/** Scrubs one event in place; returns false when the event must be dropped. */
export function scrubEvent(context: ScrubContext, event: RrwebEvent): boolean {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case EVENT_TYPE.FullSnapshot:
      context.nodes.clear();
      if (data.node && typeof data.node === "object") scrubNode(context, data.node as SerializedNode, undefined);
      return true;
    case EVENT_TYPE.Meta:
      if (typeof data.href === "string") data.href = stripQueryValues(data.href);
      return true;
    case EVENT_TYPE.IncrementalSnapshot:
      if (data.source === SOURCE.Mutation) scrubMutation(context, data as MutationData);
      else if (data.source === SOURCE.Input && typeof data.text === "string" && !isMasked(data.text)) {
        context.corrections++;
        data.text = maskText(data.text);
      }
      return true;
    case EVENT_TYPE.Custom:
      return isCandorTag(data.tag);
    default:
      return true;
  }
}

/** Scrubs a list of events in place with a fresh context; returns the events to keep. */
export function scrubEvents(events: RrwebEvent[], context: ScrubContext = createScrubContext()): RrwebEvent[] {
  return events.filter((event) => scrubEvent(context, event));
}
