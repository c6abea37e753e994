/**
 * Synthetic but realistic rrweb streams for the benchmarks: a platform page (nav and a 50-row programs table) and,
 * per chunk, five seconds of activity — ten batches of mouse moves, a scroll, a click with Candor's click and network
 * facts, and DOM mutations (every third chunk re-sorts the table: 50 rows out, 50 in). Node ids stay consistent with
 * the snapshot, so the stream replays without rrweb warnings. Deterministic, so runs post the same shapes.
 */
import { randomBytes } from "node:crypto";

const WORDS = ["Partner", "Referral", "Programme", "Spring", "Launch", "Bonus", "Annual", "Creator", "Growth", "Beta", "Summer", "Loyalty"];
type SNode = Record<string, unknown>;
export type RrwebEvent = { type: number; timestamp: number; data: Record<string, unknown> };

const custom = (timestamp: number, tag: string, payload: unknown): RrwebEvent => ({ type: 5, timestamp, data: { tag, payload } });

export class RecordingGenerator {
  private seed = 42;
  private nextId = 1;
  private tbodyId = 0;
  private rowIds: number[] = [];
  private navTextIds: number[] = [];
  private headingTextId = 0;

  private random() {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return this.seed / 2 ** 31;
  }
  private int(max: number) {
    return Math.floor(this.random() * max);
  }
  private phrase(n: number) {
    return Array.from({ length: n }, () => WORDS[this.int(WORDS.length)]).join(" ");
  }
  private text(value: string): SNode {
    return { type: 3, id: this.nextId++, textContent: value };
  }
  private el(tagName: string, attributes: Record<string, string>, childNodes: SNode[] = []): SNode {
    return { type: 2, id: this.nextId++, tagName, attributes, childNodes };
  }
  private row(): SNode {
    const node = this.el("tr", { class: "border-b hover:bg-slate-50" }, [
      this.el("td", { class: "px-3 py-2" }, [this.el("a", { href: "/programs/cm" + randomBytes(6).toString("hex") }, [this.text(this.phrase(3))])]),
      this.el("td", { class: "px-3 py-2 text-right" }, [this.text(`${this.int(40)}%`)]),
      this.el("td", { class: "px-3 py-2" }, [this.text(this.phrase(2))]),
      this.el("td", { class: "px-3 py-2 tabular-nums" }, [this.text(`${1 + this.int(28)} Oct 2026`)]),
      this.el("td", { class: "px-3 py-2" }, [this.el("button", { class: "btn btn-sm", type: "button" }, [this.text("Join")])]),
    ]);
    this.rowIds.push(node.id as number);
    return node;
  }

  /** A full snapshot of the programs page; `marker` is shown as its heading (benchmarks wait for it in the replay). */
  private page(marker: string): SNode {
    this.nextId = 1;
    this.rowIds = [];
    const labels = ["Dashboard", "Programs", "Messages", "Settings"].map((label) => this.text(label));
    this.navTextIds = labels.map((node) => node.id as number);
    const nav = this.el("nav", { "aria-label": "Main", class: "flex gap-4" }, labels.map((label, i) => this.el("a", { href: `/nav-${i}` }, [label])));
    const heading = this.text(marker);
    this.headingTextId = heading.id as number;
    const tbody = this.el("tbody", {}, Array.from({ length: 50 }, () => this.row()));
    this.tbodyId = tbody.id as number;
    const html = this.el("html", { lang: "en" }, [
      this.el("head", {}, [this.el("title", {}, [this.text("Programs · 10KC")])]),
      this.el("body", { class: "bg-slate-50 text-slate-900" }, [
        this.el("header", { class: "shell" }, [nav]),
        this.el("main", { class: "p-6" }, [this.el("h1", {}, [heading]), this.el("input", { type: "search", value: "" }), this.el("table", { class: "w-full text-sm" }, [tbody])]),
      ]),
    ]);
    return { type: 0, id: this.nextId++, childNodes: [html] };
  }

  /**
   * The events of one chunk dated from `t`. With `snapshot`, it opens with meta + a full snapshot whose heading is
   * `marker`; otherwise a `marker` replaces that heading's text 5 ms into the chunk.
   */
  chunk({ seq, t, snapshot, marker }: { seq: number; t: number; snapshot: boolean; marker?: string }): RrwebEvent[] {
    const events: RrwebEvent[] = [];
    if (snapshot) {
      events.push({ type: 4, timestamp: t, data: { href: "http://localhost/programs", width: 1280, height: 720 } });
      events.push({ type: 2, timestamp: t + 1, data: { node: this.page(marker ?? "Programs"), initialOffset: { top: 0, left: 0 } } });
      if (seq === 0) {
        const device = { browser: "Chrome", os: "Linux", deviceType: "desktop", screen: { w: 1920, h: 1080 }, viewport: { w: 1280, h: 720 }, pixelRatio: 1, locale: "en-GB", timeZone: "Europe/London", path: "/programs" };
        events.push(custom(t + 2, "candor/session", device));
      }
      events.push(custom(t + 3, "candor/page", { path: "/programs", title: "Programs" }));
    }
    if (marker && !snapshot) events.push({ type: 3, timestamp: t + 5, data: { source: 0, adds: [], removes: [], attributes: [], texts: [{ id: this.headingTextId, value: marker }] } });
    // rrweb batches mouse moves every 500 ms; the recorder flushes every 5 s, so each chunk spans ~5 s.
    const span = 4_500;
    for (let i = 0; i < 10; i++) {
      const positions = Array.from({ length: 12 }, (_, k) => ({ x: this.int(1280), y: this.int(720), id: this.tbodyId, timeOffset: -k * 40 }));
      events.push({ type: 3, timestamp: t + 10 + Math.round((i * span) / 10), data: { source: 1, positions } });
    }
    events.push({ type: 3, timestamp: t + span + 10, data: { source: 3, id: 1, x: 0, y: this.int(2000) } });
    events.push({ type: 3, timestamp: t + span + 20, data: { source: 2, type: 2, id: this.tbodyId, x: this.int(1280), y: this.int(720) } });
    events.push(custom(t + span + 21, "candor/click", { page: "/programs", target: "button.btn.btn-sm", x: this.int(1280), y: this.int(720) }));
    events.push(custom(t + span + 22, "candor/network", { page: "/programs", method: "GET", path: "/api/programs?page=2", status: 200, durationMs: 20 + this.int(200), size: 4000 + this.int(20_000) }));
    let mutation: Record<string, unknown>;
    if (seq % 3 === 1) {
      const removes = this.rowIds.map((id) => ({ parentId: this.tbodyId, id }));
      this.rowIds = [];
      const adds = Array.from({ length: 50 }, () => ({ parentId: this.tbodyId, nextId: null, node: this.row() }));
      mutation = { source: 0, adds, removes, texts: [], attributes: [] };
    } else {
      const texts = Array.from({ length: 3 }, () => ({ id: this.navTextIds[this.int(this.navTextIds.length)], value: this.phrase(1) }));
      mutation = { source: 0, adds: [], removes: [], texts, attributes: [{ id: this.rowIds[this.int(this.rowIds.length)], attributes: { class: "border-b bg-slate-100" } }] };
    }
    events.push({ type: 3, timestamp: t + span + 30, data: mutation });
    return events;
  }
}
