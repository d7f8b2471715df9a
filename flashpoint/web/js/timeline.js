// The timeline: an SVG histogram of events per month. Dragging across it (or clicking one
// bar) selects a range of months, which filters the map and the table.

import { replaceChildren, svg } from "./dom.js";
import { countByMonth, monthEnd, monthLabel, monthOf, monthStart } from "./months.js";

const HEIGHT = 90;
const PAD = { left: 8, right: 8, top: 6, bottom: 18 };

export class Timeline {
  /** `host` is an empty element; `onBrush(range)` receives `{start, end}` ISO dates. */
  constructor(host, onBrush) {
    this.host = host;
    this.onBrush = onBrush;
    this.first = null;
    this.counts = [];
    this.range = null;
    this.drag = null;
    new ResizeObserver(() => this.render()).observe(host);
  }

  /** Bin `events` over the months from `min` to `max` (ISO dates; widened to the events). */
  setData(events, min, max) {
    const months = events.map((e) => monthOf(e.time && e.time.start)).filter((m) => m !== null);
    const bounds = [monthOf(min), monthOf(max), ...months].filter((m) => m !== null);
    if (!bounds.length) { this.first = null; this.counts = []; this.render(); return; }
    this.first = Math.min(...bounds);
    this.counts = countByMonth(events, this.first, Math.max(...bounds));
    this.render();
  }

  /** Show a selected range (or null) without notifying. */
  setRange(range) {
    this.range = range;
    this.render();
  }

  _geometry() {
    const width = Math.max(200, this.host.clientWidth || 600);
    const slot = (width - PAD.left - PAD.right) / Math.max(1, this.counts.length);
    return { width, slot };
  }

  _monthAt(clientX) {
    const box = this.host.querySelector("svg").getBoundingClientRect();
    const { slot } = this._geometry();
    const index = Math.floor((clientX - box.left - PAD.left) / slot);
    return this.first + Math.max(0, Math.min(this.counts.length - 1, index));
  }

  _selected(month) {
    if (this.drag) return month >= Math.min(...this.drag) && month <= Math.max(...this.drag);
    if (!this.range) return false;
    return monthEnd(month) >= (this.range.start || "") && monthStart(month) <= (this.range.end || "9999");
  }

  render() {
    if (this.first === null) {
      replaceChildren(this.host, "No dated events.");
      return;
    }
    const { width, slot } = this._geometry();
    const peak = Math.max(1, ...this.counts);
    const plot = HEIGHT - PAD.top - PAD.bottom;
    const last = this.first + this.counts.length - 1;
    const chart = svg("svg", {
      width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img", class: "fp-timeline-svg",
      "data-testid": "timeline-chart",
      "aria-label": `Events per month from ${monthLabel(this.first)} to ${monthLabel(last)}; drag to select a range`,
    });
    this.counts.forEach((count, i) => {
      const month = this.first + i;
      const barHeight = count ? Math.max(2, (count / peak) * plot) : 0;
      chart.append(svg("rect", {
        x: PAD.left + i * slot + 0.5, y: PAD.top + plot - barHeight,
        width: Math.max(1, slot - 1), height: barHeight,
        class: this._selected(month) ? "fp-bar fp-bar-selected" : "fp-bar",
        "data-month": monthLabel(month), "data-count": count,
      }, svg("title", {}, `${monthLabel(month)}: ${count} event${count === 1 ? "" : "s"}`)));
    });
    this._axis(chart, slot, plot);
    // A transparent overlay takes the pointer so drags work over empty months too.
    const overlay = svg("rect", { x: 0, y: 0, width, height: HEIGHT, class: "fp-brush-overlay", "data-testid": "timeline-brush" });
    this._listen(overlay);
    chart.append(overlay);
    replaceChildren(this.host, chart);
  }

  _axis(chart, slot, plot) {
    const step = Math.max(1, Math.ceil(60 / slot));
    this.counts.forEach((_, i) => {
      const month = this.first + i;
      const label = month % 12 === 0 || i === 0 ? String(Math.floor(month / 12)) : null;
      if (i % step && !label) return;
      chart.append(svg("text", { x: PAD.left + i * slot + 1, y: PAD.top + plot + 13, class: "fp-axis" },
        label || monthLabel(month).slice(5)));
    });
  }

  _listen(overlay) {
    overlay.addEventListener("pointerdown", (e) => {
      overlay.setPointerCapture(e.pointerId);
      const month = this._monthAt(e.clientX);
      this.drag = [month, month];
      this._paintDrag();
    });
    const move = (e) => {
      if (!this.drag) return;
      this.drag = [this.drag[0], this._monthAt(e.clientX)];
      this._paintDrag();
    };
    overlay.addEventListener("pointermove", move);
    this.host.addEventListener("pointermove", move);
    const finish = (e) => {
      if (!this.drag) return;
      const months = [this.drag[0], this._monthAt(e.clientX)];
      this.drag = null;
      this.range = { start: monthStart(Math.min(...months)), end: monthEnd(Math.max(...months)) };
      this.render();
      this.onBrush(this.range);
    };
    overlay.addEventListener("pointerup", finish);
    this.host.addEventListener("pointerup", finish);
  }

  // During a drag only the bar classes change, so the overlay keeps its pointer capture.
  _paintDrag() {
    for (const bar of this.host.querySelectorAll("rect.fp-bar")) {
      const month = monthOf(`${bar.getAttribute("data-month")}-01`);
      bar.setAttribute("class", this._selected(month) ? "fp-bar fp-bar-selected" : "fp-bar");
    }
  }
}
